import { option, stringValue, numberValue, optionalString, anyObject, type OptionSchema } from './shapes.js';

/** Where commands needing a buildroot run: locally, in Koji runroot tasks or over SSH. */
export const RUNROOT_METHODS = ['local', 'koji', 'openssh'];

const runrootMethod = { type: 'string', enum: RUNROOT_METHODS };

/** Koji connection, runroot settings and the global image-build defaults. */
export const kojiOptions: Record<string, OptionSchema> = {
  koji_profile: option('Koji profile (koji.conf section) used for every Koji call.', stringValue()),
  koji_event: option('Koji event to query tags at; fixed for reproducible composes.', numberValue()),
  koji_cache: option('Directory where downloaded Koji packages are cached.', stringValue()),
  global_runroot_method: option('Runroot method for every phase that has no own setting.', runrootMethod),
  runroot_method: option('Runroot method, either one for all phases or a dict per phase.', {
    oneOf: [
      runrootMethod,
      {
        type: 'object',
        properties: {
          buildinstall: runrootMethod,
          ostree_installer: runrootMethod,
          ostree: runrootMethod,
          createiso: runrootMethod,
        },
        additionalProperties: false,
      },
    ],
  }),
  runroot_tag: option('Koji build tag providing the runroot buildroot.', stringValue()),
  runroot_channel: option('Koji channel runroot tasks are submitted to.', optionalString()),
  runroot_weights: option(
    'Koji task weights per phase for runroot tasks.',
    {
      type: 'object',
      properties: {
        buildinstall: numberValue(),
        createiso: numberValue(),
        ostree: numberValue(),
        ostree_installer: numberValue(),
      },
      additionalProperties: false,
    },
    {},
  ),
  runroot_ssh_username: option('User name for the "openssh" runroot method.', stringValue(), 'root'),
  runroot_ssh_hostnames: option('Host per arch for the "openssh" runroot method.', anyObject(), {}),
  runroot_ssh_init_template: option('Command run once per runroot host before the first task.', stringValue()),
  runroot_ssh_install_packages_template: option(
    'Command installing packages on a runroot host.',
    stringValue(),
  ),
  runroot_ssh_run_template: option('Command wrapping each task run on a runroot host.', stringValue()),
  global_ksurl: option('Default kickstart URL for image building phases.', stringValue()),
  global_version: option('Default version for image building phases.', stringValue()),
  global_target: option('Default Koji target for image building phases.', stringValue()),
  global_release: option('Default release for image building phases (None: generated).', optionalString()),
  cts_url: option('URL of the Compose Tracking Service to register the compose with.', stringValue()),
  cts_keytab: option('Kerberos keytab for authenticating to CTS.', stringValue()),
  cts_oidc_token_url: option('OIDC token URL for authenticating to CTS.', stringValue()),
  cts_oidc_client_id: option('OIDC client ID for authenticating to CTS.', stringValue()),
  mbs_api_url: option('Module Build Service API URL, needed for scratch modules.', stringValue()),
  signing_key_id: option('ID of the key used to sign checksum files.', stringValue()),
  signing_key_password_file: option('File with the password of the signing key.', stringValue()),
  signing_command: option('Command signing checksum files.', stringValue()),
};
