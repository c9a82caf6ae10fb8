/**
 * The API's paths, bodies and answers as TypeScript types. Generated from its OpenAPI document by
 * `npm run api-types -w @bridgeboard/api` (apps/api/scripts/api-types.ts): do not edit by hand.
 */
export interface paths {
  '/api/openapi.json': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** This OpenAPI document */
    get: operations['getOpenApiDocument'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/metrics': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /**
     * Prometheus metrics (text exposition format)
     * @description Needs an API token (any role) as `Authorization: Bearer`, or a signed-in session, unless the server runs with METRICS_PUBLIC=true.
     */
    get: operations['getMetrics'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/health': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Liveness: the process answers, with the engine status */
    get: operations['getHealth'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/ready': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Readiness: 503 until the engine answered and the first list is in */
    get: operations['getReadiness'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/setup': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether first-start setup is open */
    get: operations['getSetupStatus'];
    put?: never;
    /** Create the first admin with the setup token from the server log */
    post: operations['createFirstAdmin'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/login': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign in: starts a session (cookie) */
    post: operations['signIn'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/logout': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Sign out: ends the session and its sockets (and says where the provider ends its own, after single sign-on) */
    post: operations['signOut'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/me': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who is signed in, and the CSRF token of their session */
    get: operations['getMe'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether single sign-on is offered, and its button’s text */
    get: operations['getOidcStatus'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oidc/start': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Single sign-on: redirects to the provider (code flow, PKCE) */
    get: operations['startOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/auth/oidc/callback': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Single sign-on: the provider sends the browser back here; signs in and redirects to the board */
    get: operations['finishOidcSignIn'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The user accounts */
    get: operations['listUsers'];
    put?: never;
    /** Add a user account */
    post: operations['createUser'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{username}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a user account (never the last admin) */
    delete: operations['deleteUser'];
    options?: never;
    head?: never;
    /** Change a user’s role or password (ends their sessions) */
    patch: operations['updateUser'];
    trace?: never;
  };
  '/api/users/{username}/disabled': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Disable an account (ends its sessions, revokes its tokens) or enable it again */
    put: operations['setUserDisabled'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The API tokens (never their secrets) */
    get: operations['listTokens'];
    put?: never;
    /** Make an API token; the answer holds its secret, once */
    post: operations['createToken'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/tokens/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Revoke an API token and close its sockets */
    delete: operations['revokeToken'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/grants': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Every grant: a role over a scope, for a user, a provider group or a token */
    get: operations['listGrants'];
    put?: never;
    /** Grant a role over all engines, one engine, or one engine’s networks by label or name pattern */
    post: operations['createGrant'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/grants/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Take a grant back */
    delete: operations['removeGrant'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{username}/rights': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** A user's rights: per engine its role and what gave it, and the networks where a grant gives more */
    get: operations['getUserRights'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/users/{username}/access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Why a user may or may not act with a role on an engine or one of its networks: the grant it lacks */
    get: operations['explainUserAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/audit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The audit trail, newest first, one page */
    get: operations['listAuditEntries'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The server settings */
    get: operations['getSettings'];
    /** Change the server settings */
    put: operations['updateSettings'];
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/settings/oidc': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The single sign-on provider in use and where it comes from; never its client secret */
    get: operations['getOidcSettings'];
    /**
     * Set the single sign-on provider (checked with the provider first); 409 when the environment sets it
     * @description Discovery and the client’s credentials are tried before anything is stored: a failure answers 400 (a field) or 502 (the provider), and changes nothing. Without `clientSecret`, the stored one is kept.
     */
    put: operations['updateOidcSettings'];
    post?: never;
    /** Turn single sign-on off (the provider an admin set, secret and all); 409 when the environment sets it */
    delete: operations['removeOidcSettings'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The engines of the fleet, with their state */
    get: operations['listEngines'];
    put?: never;
    /** Add an engine to the fleet (its secrets are kept encrypted, never shown again) */
    post: operations['addEngine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/test': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Ask an engine whether it answers, before adding it */
    post: operations['testEngine'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    /** Change an engine an admin added: its name, address or keys (left out, the name and keys stay) */
    put: operations['updateEngine'];
    post?: never;
    /** Remove an engine an admin added (not one of the environment or the engines file) */
    delete: operations['removeEngine'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/topology': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** One engine’s topology: the snapshot the socket sends when it is followed */
    get: operations['getTopology'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/access': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Whether you may act with a role on this engine or one of its networks; if not, the grant you lack */
    get: operations['explainMyAccess'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Create a network */
    post: operations['createNetwork'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks/{id}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Remove a network (not a system one, not one with endpoints) */
    delete: operations['removeNetwork'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks/{id}/connections': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Connect a container to a network */
    post: operations['connectContainer'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks/{id}/connections/{container}': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    post?: never;
    /** Disconnect a container from a network */
    delete: operations['disconnectContainer'];
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks/{id}/edit/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan an edit of a network: every step, what each endpoint keeps, who loses connectivity (changes nothing) */
    post: operations['planNetworkEdit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/networks/{id}/edit': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Apply a reviewed edit plan; any failure or difference puts everything back */
    post: operations['applyNetworkEdit'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/containers/{id}/wire': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The veth pairs under a container’s links, or why they cannot be seen */
    get: operations['getContainerWire'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/exposure': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** What is published to the host, and the lints to fix */
    get: operations['getExposure'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/exposure/host-facts': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The engine host's uplink and IPv4 routes the capacity lints use (null when this server cannot see that host) */
    get: operations['getHostFacts'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/export': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** The topology as docker commands or a compose file */
    get: operations['exportTopology'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/migrations/plan': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Plan moving containers off the default bridge (changes nothing) */
    post: operations['planMigration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/migrations': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Move containers off the default bridge onto a new network */
    post: operations['applyMigration'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/reachability': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who can reach whom and why, predicted from the topology */
    get: operations['getReachability'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/reachability/across-nodes': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    /** Who a container reaches on other swarm nodes, over the overlays it is on */
    get: operations['getReachabilityAcrossNodes'];
    put?: never;
    post?: never;
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
  '/api/engines/{engine}/reachability/probe': {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    get?: never;
    put?: never;
    /** Prove reachability with live probes (an admin turns them on) */
    post: operations['probeReachability'];
    delete?: never;
    options?: never;
    head?: never;
    patch?: never;
    trace?: never;
  };
}
export type webhooks = Record<string, never>;
export interface components {
  schemas: never;
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
  getOpenApiDocument: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description OpenAPI 3.0 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            [key: string]: unknown;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getMetrics: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Prometheus text format 0.0.4 */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': string;
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'text/plain': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getHealth: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            status: 'ok' | 'degraded';
            engine: {
              reachable: boolean;
              version: string | null;
              apiVersion: string | null;
            };
            rev: number;
            engines: {
              [key: string]: boolean;
            };
            uptimeSeconds: number;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getReadiness: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ready: boolean;
            reason?: string;
            engine: {
              reachable: boolean;
              version: string | null;
              apiVersion: string | null;
            };
            rev: number;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ready: boolean;
            reason?: string;
            engine: {
              reachable: boolean;
              version: string | null;
              apiVersion: string | null;
            };
            rev: number;
          };
        };
      };
    };
  };
  getSetupStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            required: boolean;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  createFirstAdmin: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          setupToken: string;
          username: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              username: string;
              role: 'viewer' | 'operator' | 'admin';
              engineRoles: {
                [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
              };
              grants: {
                id: string;
                subject: {
                  kind: 'user' | 'group' | 'token';
                  name: string;
                };
                role: 'viewer' | 'operator' | 'admin';
                scope:
                  | {
                      /** @enum {string} */
                      kind: 'all';
                    }
                  | {
                      /** @enum {string} */
                      kind: 'engine';
                      engine: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'label';
                      engine: string;
                      label: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'name';
                      engine: string;
                      pattern: string;
                    };
              }[];
              via: 'session' | 'token';
            };
            csrfToken: string | null;
            expiresAt: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  signIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          password: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              username: string;
              role: 'viewer' | 'operator' | 'admin';
              engineRoles: {
                [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
              };
              grants: {
                id: string;
                subject: {
                  kind: 'user' | 'group' | 'token';
                  name: string;
                };
                role: 'viewer' | 'operator' | 'admin';
                scope:
                  | {
                      /** @enum {string} */
                      kind: 'all';
                    }
                  | {
                      /** @enum {string} */
                      kind: 'engine';
                      engine: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'label';
                      engine: string;
                      label: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'name';
                      engine: string;
                      pattern: string;
                    };
              }[];
              via: 'session' | 'token';
            };
            csrfToken: string | null;
            expiresAt: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  signOut: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            endSessionUrl: string;
          };
        };
      };
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getMe: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            user: {
              username: string;
              role: 'viewer' | 'operator' | 'admin';
              engineRoles: {
                [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
              };
              grants: {
                id: string;
                subject: {
                  kind: 'user' | 'group' | 'token';
                  name: string;
                };
                role: 'viewer' | 'operator' | 'admin';
                scope:
                  | {
                      /** @enum {string} */
                      kind: 'all';
                    }
                  | {
                      /** @enum {string} */
                      kind: 'engine';
                      engine: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'label';
                      engine: string;
                      label: string;
                    }
                  | {
                      /** @enum {string} */
                      kind: 'name';
                      engine: string;
                      pattern: string;
                    };
              }[];
              via: 'session' | 'token';
            };
            csrfToken: string | null;
            expiresAt: string | null;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getOidcStatus: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            enabled: boolean;
            label: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  startOidcSignIn: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Found: Location says where the browser goes next */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  finishOidcSignIn: {
    parameters: {
      query?: {
        code?: string;
        state?: string;
        iss?: string;
        error?: string;
        error_description?: string;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Found: Location says where the browser goes next */
      302: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  listUsers: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            users: {
              username: string;
              role: 'viewer' | 'operator' | 'admin';
              engineRoles: {
                [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
              };
              createdAt: string;
              lastLoginAt: string | null;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  createUser: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          username: string;
          password: string;
          role: 'viewer' | 'operator' | 'admin';
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            username: string;
            role: 'viewer' | 'operator' | 'admin';
            engineRoles: {
              [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
            };
            createdAt: string;
            lastLoginAt: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  deleteUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  updateUser: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          role?: 'viewer' | 'operator' | 'admin';
          engineRoles?: {
            [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
          };
          password?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            username: string;
            role: 'viewer' | 'operator' | 'admin';
            engineRoles: {
              [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
            };
            createdAt: string;
            lastLoginAt: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  setUserDisabled: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          disabled: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            username: string;
            disabled: boolean;
            source: 'local' | 'oidc';
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  listTokens: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            tokens: {
              id: string;
              name: string;
              role: 'viewer' | 'operator' | 'admin';
              engineRoles: {
                [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
              };
              createdBy: string;
              createdAt: string;
              lastUsedAt: string | null;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  createToken: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          role: 'viewer' | 'operator' | 'admin';
          engineRoles?: {
            [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            role: 'viewer' | 'operator' | 'admin';
            engineRoles: {
              [key: string]: 'none' | ('viewer' | 'operator' | 'admin');
            };
            createdBy: string;
            createdAt: string;
            lastUsedAt: string | null;
            token: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  revokeToken: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  listGrants: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            grants: {
              id: string;
              subject: {
                kind: 'user' | 'group' | 'token';
                name: string;
              };
              role: 'viewer' | 'operator' | 'admin';
              scope:
                | {
                    /** @enum {string} */
                    kind: 'all';
                  }
                | {
                    /** @enum {string} */
                    kind: 'engine';
                    engine: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'label';
                    engine: string;
                    label: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'name';
                    engine: string;
                    pattern: string;
                  };
              createdBy: string;
              createdAt: string;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  createGrant: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          subject: {
            kind: 'user' | 'group' | 'token';
            name: string;
          };
          role: 'viewer' | 'operator' | 'admin';
          scope:
            | {
                /** @enum {string} */
                kind: 'all';
              }
            | {
                /** @enum {string} */
                kind: 'engine';
                engine: string;
              }
            | {
                /** @enum {string} */
                kind: 'label';
                engine: string;
                label: string;
              }
            | {
                /** @enum {string} */
                kind: 'name';
                engine: string;
                pattern: string;
              };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            subject: {
              kind: 'user' | 'group' | 'token';
              name: string;
            };
            role: 'viewer' | 'operator' | 'admin';
            scope:
              | {
                  /** @enum {string} */
                  kind: 'all';
                }
              | {
                  /** @enum {string} */
                  kind: 'engine';
                  engine: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'label';
                  engine: string;
                  label: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'name';
                  engine: string;
                  pattern: string;
                };
            createdBy: string;
            createdAt: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  removeGrant: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getUserRights: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            username: string;
            groups: string[];
            role: 'viewer' | 'operator' | 'admin';
            defaultRole: 'viewer' | 'operator' | 'admin';
            defaultAllowedBy: string;
            grants: {
              id: string;
              subject: {
                kind: 'user' | 'group' | 'token';
                name: string;
              };
              role: 'viewer' | 'operator' | 'admin';
              scope:
                | {
                    /** @enum {string} */
                    kind: 'all';
                  }
                | {
                    /** @enum {string} */
                    kind: 'engine';
                    engine: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'label';
                    engine: string;
                    label: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'name';
                    engine: string;
                    pattern: string;
                  };
              createdBy: string;
              createdAt: string;
            }[];
            engines: {
              engine: string;
              role: 'none' | ('viewer' | 'operator' | 'admin');
              allowedBy: string;
              networks: {
                network: string;
                role: 'viewer' | 'operator' | 'admin';
                allowedBy: string;
              }[];
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  explainUserAccess: {
    parameters: {
      query: {
        role: 'viewer' | 'operator' | 'admin';
        network?: string;
        engine: string;
      };
      header?: never;
      path: {
        username: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            allowed: boolean;
            role: 'none' | ('viewer' | 'operator' | 'admin');
            allowedBy: string;
            missing: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  listAuditEntries: {
    parameters: {
      query?: {
        user?: string;
        engine?: string;
        network?: string;
        container?: string;
        action?:
          | 'network.create'
          | 'network.remove'
          | 'network.connect'
          | 'network.disconnect'
          | 'auth.setup'
          | 'auth.login'
          | 'auth.logout'
          | 'user.create'
          | 'user.update'
          | 'user.remove'
          | 'token.create'
          | 'token.revoke'
          | 'settings.update'
          | 'probe.run'
          | 'migration.apply'
          | 'network.edit'
          | 'engine.add'
          | 'engine.update'
          | 'engine.remove'
          | 'grant.create'
          | 'grant.remove'
          | 'sso.update'
          | 'sso.remove';
        result?: 'ok' | 'refused' | 'failed';
        before?: number;
        limit?: number;
      };
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            entries: {
              id: number;
              at: string;
              user: string | null;
              role: ('none' | ('viewer' | 'operator' | 'admin')) | null;
              allowedBy: string | null;
              action:
                | 'network.create'
                | 'network.remove'
                | 'network.connect'
                | 'network.disconnect'
                | 'auth.setup'
                | 'auth.login'
                | 'auth.logout'
                | 'user.create'
                | 'user.update'
                | 'user.remove'
                | 'token.create'
                | 'token.revoke'
                | 'settings.update'
                | 'probe.run'
                | 'migration.apply'
                | 'network.edit'
                | 'engine.add'
                | 'engine.update'
                | 'engine.remove'
                | 'grant.create'
                | 'grant.remove'
                | 'sso.update'
                | 'sso.remove';
              engine: string | null;
              network: string | null;
              container: string | null;
              params: {
                [key: string]: unknown;
              };
              result: 'ok' | 'refused' | 'failed';
              statusCode: number;
              error: string | null;
              client: string;
            }[];
            nextBefore: number | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            probesEnabled: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  updateSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          probesEnabled: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            probesEnabled: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getOidcSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: 'environment' | 'admin' | null;
            issuer: string;
            clientId: string;
            scopes: string[];
            groupsClaim: string;
            usernameClaim: string;
            groupRoles: string;
            defaultRole: ('viewer' | 'operator' | 'admin') | null;
            label: string;
            secretSet: boolean;
            redirectUri: string | null;
            secretKeySet: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  updateOidcSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          issuer: string;
          clientId: string;
          scopes: string[];
          groupsClaim: string;
          usernameClaim: string;
          groupRoles: string;
          defaultRole: ('viewer' | 'operator' | 'admin') | null;
          label: string;
          clientSecret?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            source: 'environment' | 'admin' | null;
            issuer: string;
            clientId: string;
            scopes: string[];
            groupsClaim: string;
            usernameClaim: string;
            groupRoles: string;
            defaultRole: ('viewer' | 'operator' | 'admin') | null;
            label: string;
            secretSet: boolean;
            redirectUri: string | null;
            secretKeySet: boolean;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  removeOidcSettings: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  listEngines: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            engines: {
              id: string;
              name: string;
              endpoint: {
                kind: 'socket' | 'tcp' | 'ssh';
                address: string;
                tls: boolean;
                hostKey?: string;
              };
              source: 'environment' | 'file' | 'admin';
              status: {
                reachable: boolean;
                version: string | null;
                apiVersion: string | null;
              };
              rev: number;
              swarm: {
                role: 'manager' | 'worker';
                nodeId: string;
                clusterId: string | null;
              } | null;
            }[];
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  addEngine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          name?: string;
          /** @example unix:///var/run/docker.sock */
          host: string;
          /** @description tcp:// only: the CA and a client certificate and key */
          tls?: {
            ca: string;
            cert: string;
            key: string;
          };
          /** @description ssh:// only: the key to sign in with, and the host key the engine must show */
          ssh?: {
            privateKey: string;
            passphrase?: string;
            /**
             * @description the engine's SSH host key (`ssh-ed25519 AAAA…`, or its known_hosts line): any other key is refused
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMow5A2/30Sls7T56mqCDHI1L3VKY6uTkUKlPrdAvhKJ
             */
            hostKey?: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            endpoint: {
              kind: 'socket' | 'tcp' | 'ssh';
              address: string;
              tls: boolean;
              hostKey?: string;
            };
            source: 'environment' | 'file' | 'admin';
            status: {
              reachable: boolean;
              version: string | null;
              apiVersion: string | null;
            };
            rev: number;
            swarm: {
              role: 'manager' | 'worker';
              nodeId: string;
              clusterId: string | null;
            } | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  testEngine: {
    parameters: {
      query?: never;
      header?: never;
      path?: never;
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          id: string;
          name?: string;
          /** @example unix:///var/run/docker.sock */
          host: string;
          /** @description tcp:// only: the CA and a client certificate and key */
          tls?: {
            ca: string;
            cert: string;
            key: string;
          };
          /** @description ssh:// only: the key to sign in with, and the host key the engine must show */
          ssh?: {
            privateKey: string;
            passphrase?: string;
            /**
             * @description the engine's SSH host key (`ssh-ed25519 AAAA…`, or its known_hosts line): any other key is refused
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMow5A2/30Sls7T56mqCDHI1L3VKY6uTkUKlPrdAvhKJ
             */
            hostKey?: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            reachable: boolean;
            version: string | null;
            apiVersion: string | null;
            error: string | null;
            ms: number;
            hostKey: {
              key: string;
              fingerprint: string;
            } | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  updateEngine: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name?: string;
          /** @example unix:///var/run/docker.sock */
          host: string;
          /** @description tcp:// only: the CA and a client certificate and key */
          tls?: {
            ca: string;
            cert: string;
            key: string;
          };
          /** @description ssh:// only: a new key to sign in with, a new host key to pin, or both */
          ssh?: {
            privateKey?: string;
            passphrase?: string;
            /**
             * @description the engine's SSH host key (`ssh-ed25519 AAAA…`, or its known_hosts line): any other key is refused
             * @example ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMow5A2/30Sls7T56mqCDHI1L3VKY6uTkUKlPrdAvhKJ
             */
            hostKey?: string;
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            endpoint: {
              kind: 'socket' | 'tcp' | 'ssh';
              address: string;
              tls: boolean;
              hostKey?: string;
            };
            source: 'environment' | 'file' | 'admin';
            status: {
              reachable: boolean;
              version: string | null;
              apiVersion: string | null;
            };
            rev: number;
            swarm: {
              role: 'manager' | 'worker';
              nodeId: string;
              clusterId: string | null;
            } | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  removeEngine: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getTopology: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            engine: string;
            rev: number;
            topology: {
              rev: number;
              networks: {
                [key: string]: {
                  id: string;
                  name: string;
                  driver: string;
                  scope: string;
                  internal: boolean;
                  attachable: boolean;
                  ingress: boolean;
                  enableIPv6: boolean;
                  ipam: {
                    driver: string;
                    config: {
                      subnet: string;
                      gateway: string | null;
                      ipRange: string | null;
                      auxAddresses: {
                        [key: string]: string;
                      };
                    }[];
                    options: {
                      [key: string]: string;
                    };
                  };
                  options: {
                    [key: string]: string;
                  };
                  labels: {
                    [key: string]: string;
                  };
                  created: string;
                  system: boolean;
                  hostInterface: string | null;
                };
              };
              containers: {
                [key: string]: {
                  id: string;
                  name: string;
                  image: string;
                  state: 'created' | 'running' | 'paused' | 'restarting' | 'removing' | 'exited' | 'dead';
                  networkMode:
                    | {
                        /** @enum {string} */
                        kind: 'bridge';
                      }
                    | {
                        /** @enum {string} */
                        kind: 'network';
                        network: string;
                      }
                    | {
                        /** @enum {string} */
                        kind: 'host';
                      }
                    | {
                        /** @enum {string} */
                        kind: 'none';
                      }
                    | {
                        /** @enum {string} */
                        kind: 'container';
                        container: string;
                      };
                  privileged: boolean;
                  ports: {
                    containerPort: number;
                    protocol: 'tcp' | 'udp' | 'sctp';
                    hostIp: string;
                    hostPort: number;
                  }[];
                  links: {
                    container: string;
                    alias: string;
                  }[];
                  labels: {
                    [key: string]: string;
                  };
                  composeProject: string | null;
                  created: string;
                };
              };
              endpoints: {
                [key: string]: {
                  networkId: string;
                  containerId: string;
                  endpointId: string;
                  ipv4: string | null;
                  ipv4PrefixLen: number | null;
                  ipv6: string | null;
                  mac: string | null;
                  gateway: string | null;
                  aliases: string[];
                  dnsNames: string[];
                  ipamConfig: {
                    ipv4: string | null;
                    ipv6: string | null;
                  };
                };
              };
              nodes: {
                [key: string]: {
                  id: string;
                  hostname: string;
                  role: 'manager' | 'worker';
                  leader: boolean;
                  state: string;
                  availability: string;
                  addr: string;
                  engineVersion: string;
                  self: boolean;
                };
              };
              services: {
                [key: string]: {
                  id: string;
                  name: string;
                  image: string;
                  mode: 'replicated' | 'global';
                  replicas: number | null;
                  endpointMode: 'vip' | 'dnsrr';
                  vips: {
                    networkId: string;
                    addr: string;
                  }[];
                  ports: {
                    protocol: 'tcp' | 'udp' | 'sctp';
                    targetPort: number;
                    publishedPort: number;
                    publishMode: 'ingress' | 'host';
                  }[];
                  networks: string[];
                  labels: {
                    [key: string]: string;
                  };
                };
              };
              tasks: {
                [key: string]: {
                  id: string;
                  serviceId: string;
                  slot: number | null;
                  nodeId: string;
                  state: string;
                  desiredState: string;
                  containerId: string | null;
                  addresses: {
                    networkId: string;
                    addr: string;
                  }[];
                  error: string | null;
                };
              };
              members: {
                [key: string]: {
                  networkId: string;
                  endpointId: string;
                  name: string;
                  ipv4: string | null;
                  nodeAddr: string;
                  service: string | null;
                };
              };
            };
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  explainMyAccess: {
    parameters: {
      query: {
        role: 'viewer' | 'operator' | 'admin';
        network?: string;
      };
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            allowed: boolean;
            role: 'none' | ('viewer' | 'operator' | 'admin');
            allowedBy: string;
            missing: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  createNetwork: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          name: string;
          driver?: 'bridge' | 'macvlan' | 'ipvlan';
          internal?: boolean;
          attachable?: boolean;
          enableIPv6?: boolean;
          labels?: {
            [key: string]: string;
          };
          subnets?: {
            /** @description CIDR, IPv4 or IPv6 */
            subnet: string;
            gateway?: string;
            /** @description CIDR inside the subnet */
            ipRange?: string;
            auxAddresses?: {
              [key: string]: string;
            };
          }[];
          options?: {
            /** @description com.docker.network.driver.mtu */
            mtu?: number;
            /** @description com.docker.network.bridge.name */
            bridgeName?: string;
            /** @description com.docker.network.bridge.enable_icc */
            icc?: boolean;
            /** @description com.docker.network.bridge.enable_ip_masquerade */
            ipMasquerade?: boolean;
            /**
             * Format: ipv4
             * @description com.docker.network.bridge.host_binding_ipv4
             */
            hostBindingIpv4?: string;
            /** @description macvlan/ipvlan parent interface */
            parent?: string;
            macvlanMode?: 'bridge' | 'vepa' | 'passthru' | 'private';
            ipvlanMode?: 'l2' | 'l3' | 'l3s';
            ipvlanFlag?: 'bridge' | 'private' | 'vepa';
          };
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            name: string;
            driver: string;
            scope: string;
            internal: boolean;
            attachable: boolean;
            ingress: boolean;
            enableIPv6: boolean;
            ipam: {
              driver: string;
              config: {
                subnet: string;
                gateway: string | null;
                ipRange: string | null;
                auxAddresses: {
                  [key: string]: string;
                };
              }[];
              options: {
                [key: string]: string;
              };
            };
            options: {
              [key: string]: string;
            };
            labels: {
              [key: string]: string;
            };
            created: string;
            system: boolean;
            hostInterface: string | null;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  removeNetwork: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  connectContainer: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          container: string;
          aliases?: string[];
          /** Format: ipv4 */
          ipv4Address?: string;
          /** Format: ipv6 */
          ipv6Address?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            networkId: string;
            containerId: string;
            endpointId: string;
            ipv4: string | null;
            ipv4PrefixLen: number | null;
            ipv6: string | null;
            mac: string | null;
            gateway: string | null;
            aliases: string[];
            dnsNames: string[];
            ipamConfig: {
              ipv4: string | null;
              ipv6: string | null;
            };
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  disconnectContainer: {
    parameters: {
      query?: {
        force?: boolean;
      };
      header?: never;
      path: {
        engine: string;
        id: string;
        container: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      204: {
        headers: {
          [name: string]: unknown;
        };
        content?: never;
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  planNetworkEdit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          network: {
            name: string;
            driver?: 'bridge' | 'macvlan' | 'ipvlan';
            internal?: boolean;
            attachable?: boolean;
            enableIPv6?: boolean;
            labels?: {
              [key: string]: string;
            };
            subnets?: {
              /** @description CIDR, IPv4 or IPv6 */
              subnet: string;
              gateway?: string;
              /** @description CIDR inside the subnet */
              ipRange?: string;
              auxAddresses?: {
                [key: string]: string;
              };
            }[];
            options?: {
              /** @description com.docker.network.driver.mtu */
              mtu?: number;
              /** @description com.docker.network.bridge.name */
              bridgeName?: string;
              /** @description com.docker.network.bridge.enable_icc */
              icc?: boolean;
              /** @description com.docker.network.bridge.enable_ip_masquerade */
              ipMasquerade?: boolean;
              /**
               * Format: ipv4
               * @description com.docker.network.bridge.host_binding_ipv4
               */
              hostBindingIpv4?: string;
              /** @description macvlan/ipvlan parent interface */
              parent?: string;
              macvlanMode?: 'bridge' | 'vepa' | 'passthru' | 'private';
              ipvlanMode?: 'l2' | 'l3' | 'l3s';
              ipvlanFlag?: 'bridge' | 'private' | 'vepa';
            };
          };
          /** @description an address outside the new subnets: `map` moves it to the same host number inside them, `refuse` refuses the plan */
          addresses?: 'map' | 'refuse';
          expectBasis?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            network: string;
            networkId: string;
            basis: string;
            before: {
              name: string;
              driver: string;
              subnets: {
                subnet: string;
                gateway?: string | null;
                ipRange?: string | null;
                auxAddresses?: {
                  [key: string]: string;
                };
              }[];
              internal?: boolean;
              ipv6?: boolean;
              attachable?: boolean;
              options?: {
                [key: string]: string;
              };
              labels?: {
                [key: string]: string;
              };
              ipamDriver?: string;
              ipamOptions?: {
                [key: string]: string;
              };
            };
            after: {
              name: string;
              driver: string;
              subnets: {
                subnet: string;
                gateway?: string | null;
                ipRange?: string | null;
                auxAddresses?: {
                  [key: string]: string;
                };
              }[];
              internal?: boolean;
              ipv6?: boolean;
              attachable?: boolean;
              options?: {
                [key: string]: string;
              };
              labels?: {
                [key: string]: string;
              };
              ipamDriver?: string;
              ipamOptions?: {
                [key: string]: string;
              };
            };
            changes: {
              field: string;
              from: string | null;
              to: string | null;
            }[];
            endpoints: {
              container: string;
              containerId: string;
              running: boolean;
              before: {
                ipv4: string | null;
                ipv6: string | null;
                mac: string | null;
              };
              after: {
                ipv4: string | null;
                ipv6: string | null;
                mac: string | null;
              };
              kept: {
                field: 'ipv4' | 'ipv6' | 'mac' | 'aliases' | 'links' | 'driver-opts' | 'gw-priority';
                how: string;
              }[];
              aliases: string[];
              composeAliases: string[];
              links: string[];
              driverOpts: {
                [key: string]: string;
              };
              gwPriority: number | null;
              offline: {
                from: number;
                to: number;
              } | null;
            }[];
            steps: (
              | {
                  /** @enum {string} */
                  kind: 'disconnect';
                  network: string;
                  container: string;
                  containerId: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'remove-network';
                  network: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'create-network';
                  spec: {
                    name: string;
                    driver: string;
                    subnets: {
                      subnet: string;
                      gateway?: string | null;
                      ipRange?: string | null;
                      auxAddresses?: {
                        [key: string]: string;
                      };
                    }[];
                    internal?: boolean;
                    ipv6?: boolean;
                    attachable?: boolean;
                    options?: {
                      [key: string]: string;
                    };
                    labels?: {
                      [key: string]: string;
                    };
                    ipamDriver?: string;
                    ipamOptions?: {
                      [key: string]: string;
                    };
                  };
                }
              | {
                  /** @enum {string} */
                  kind: 'connect';
                  network: string;
                  container: string;
                  containerId: string;
                  ipv4: string | null;
                  ipv6: string | null;
                  aliases: string[];
                  links: string[];
                  mac: string | null;
                  driverOpts: {
                    [key: string]: string;
                  };
                  gwPriority: number | null;
                }
            )[];
            commands: string[];
            connectivity: string;
            unkept: {
              container: string | null;
              what: string;
              resolution: 'mapped' | 'refused' | 'changes';
            }[];
            warnings: string[];
            refusals: {
              container: string | null;
              field: string | null;
              reason: string;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  applyNetworkEdit: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          network: {
            name: string;
            driver?: 'bridge' | 'macvlan' | 'ipvlan';
            internal?: boolean;
            attachable?: boolean;
            enableIPv6?: boolean;
            labels?: {
              [key: string]: string;
            };
            subnets?: {
              /** @description CIDR, IPv4 or IPv6 */
              subnet: string;
              gateway?: string;
              /** @description CIDR inside the subnet */
              ipRange?: string;
              auxAddresses?: {
                [key: string]: string;
              };
            }[];
            options?: {
              /** @description com.docker.network.driver.mtu */
              mtu?: number;
              /** @description com.docker.network.bridge.name */
              bridgeName?: string;
              /** @description com.docker.network.bridge.enable_icc */
              icc?: boolean;
              /** @description com.docker.network.bridge.enable_ip_masquerade */
              ipMasquerade?: boolean;
              /**
               * Format: ipv4
               * @description com.docker.network.bridge.host_binding_ipv4
               */
              hostBindingIpv4?: string;
              /** @description macvlan/ipvlan parent interface */
              parent?: string;
              macvlanMode?: 'bridge' | 'vepa' | 'passthru' | 'private';
              ipvlanMode?: 'l2' | 'l3' | 'l3s';
              ipvlanFlag?: 'bridge' | 'private' | 'vepa';
            };
          };
          /** @description an address outside the new subnets: `map` moves it to the same host number inside them, `refuse` refuses the plan */
          addresses?: 'map' | 'refuse';
          expectBasis?: string;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            network: string;
            outcome: 'kept' | 'rolled-back' | 'rollback-failed';
            reason: string | null;
            steps: {
              index: number;
              command: string;
              status: 'done' | 'failed' | 'undone' | 'not-run';
              ms: number;
              error: string | null;
            }[];
            undo: {
              command: string;
              status: 'done' | 'failed';
              error: string | null;
            }[];
            verification: {
              container: string;
              field: string;
              expected: string;
              actual: string;
              ok: boolean;
            }[];
            offlineMs: {
              container: string;
              ms: number;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
            report?: {
              id: string;
              network: string;
              outcome: 'kept' | 'rolled-back' | 'rollback-failed';
              reason: string | null;
              steps: {
                index: number;
                command: string;
                status: 'done' | 'failed' | 'undone' | 'not-run';
                ms: number;
                error: string | null;
              }[];
              undo: {
                command: string;
                status: 'done' | 'failed';
                error: string | null;
              }[];
              verification: {
                container: string;
                field: string;
                expected: string;
                actual: string;
                ok: boolean;
              }[];
              offlineMs: {
                container: string;
                ms: number;
              }[];
            };
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
            report?: {
              id: string;
              network: string;
              outcome: 'kept' | 'rolled-back' | 'rollback-failed';
              reason: string | null;
              steps: {
                index: number;
                command: string;
                status: 'done' | 'failed' | 'undone' | 'not-run';
                ms: number;
                error: string | null;
              }[];
              undo: {
                command: string;
                status: 'done' | 'failed';
                error: string | null;
              }[];
              verification: {
                container: string;
                field: string;
                expected: string;
                actual: string;
                ok: boolean;
              }[];
              offlineMs: {
                container: string;
                ms: number;
              }[];
            };
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getContainerWire: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
        id: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            container: string;
            available: boolean;
            reason: string | null;
            links: {
              network: string;
              containerInterface: string;
              mac: string;
              peerIfindex: number;
              hostInterface: string | null;
              bridge: string | null;
              mtu: number | null;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getExposure: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            ports: {
              container: string;
              containerPort: number;
              protocol: string;
              hostIp: string;
              hostPort: number;
              everyone: boolean;
              networks: string[];
            }[];
            swarmPorts: {
              service: string;
              protocol: string;
              targetPort: number;
              publishedPort: number;
              publishMode: 'ingress' | 'host';
              listensOn: string[];
              servedBy: string[];
            }[];
            lints: {
              code:
                | 'default-bridge'
                | 'legacy-link'
                | 'backend-published'
                | 'host-mode'
                | 'host-privileged'
                | 'empty-network'
                | 'overlapping-subnets'
                | 'route-overlap'
                | 'address-pools'
                | 'bridge-ports'
                | 'mtu';
              severity: 'info' | 'warning' | 'danger';
              message: string;
              why: string;
              advice: string | null;
              containers: string[];
              networks: string[];
              fix:
                | (
                    | {
                        /** @enum {string} */
                        kind: 'migrate';
                        containers: string[];
                      }
                    | {
                        /** @enum {string} */
                        kind: 'remove-network';
                        network: string;
                      }
                  )
                | null;
            }[];
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getHostFacts: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            host: {
              uplink: {
                name: string;
                mtu: number;
              } | null;
              routes: {
                destination: string;
                interface: string;
              }[];
            } | null;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  exportTopology: {
    parameters: {
      query: {
        format: 'commands' | 'compose';
        networks?: string[];
        containers?: string[];
      };
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            format: string;
            text: string;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  planMigration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          containers: string[];
          includeLinked?: boolean;
          from?: string;
          networkName?: string;
          subnet?: string;
          disconnectFromDefault?: boolean;
          expectCommands?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            network: {
              name: string;
              subnet: string;
              gateway: string;
            } | null;
            containers: string[];
            steps: (
              | {
                  /** @enum {string} */
                  kind: 'create-network';
                  name: string;
                  subnet: string;
                  gateway: string;
                }
              | {
                  /** @enum {string} */
                  kind: 'connect';
                  network: string;
                  container: string;
                  aliases: string[];
                }
              | {
                  /** @enum {string} */
                  kind: 'disconnect';
                  network: string;
                  container: string;
                }
            )[];
            commands: string[];
            warnings: string[];
            refusals: {
              container: string | null;
              reason: string;
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  applyMigration: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          containers: string[];
          includeLinked?: boolean;
          from?: string;
          networkName?: string;
          subnet?: string;
          disconnectFromDefault?: boolean;
          expectCommands?: string[];
        };
      };
    };
    responses: {
      /** @description Default Response */
      201: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            id: string;
            plan: {
              network: {
                name: string;
                subnet: string;
                gateway: string;
              } | null;
              containers: string[];
              steps: (
                | {
                    /** @enum {string} */
                    kind: 'create-network';
                    name: string;
                    subnet: string;
                    gateway: string;
                  }
                | {
                    /** @enum {string} */
                    kind: 'connect';
                    network: string;
                    container: string;
                    aliases: string[];
                  }
                | {
                    /** @enum {string} */
                    kind: 'disconnect';
                    network: string;
                    container: string;
                  }
              )[];
              commands: string[];
              warnings: string[];
              refusals: {
                container: string | null;
                reason: string;
              }[];
            };
            done: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      413: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      502: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      503: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getReachability: {
    parameters: {
      query?: {
        from?: string;
      };
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pairs: {
              from: string;
              to: string;
              byName: boolean;
              byIp: boolean;
              networks: string[];
              reason: string;
              explanation: string;
              names: string[];
              addresses: string[];
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  getReachabilityAcrossNodes: {
    parameters: {
      query: {
        from: string;
      };
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody?: never;
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pairs: {
              from: string;
              to: string;
              byName: boolean;
              byIp: boolean;
              networks: string[];
              reason: string;
              explanation: string;
              names: string[];
              addresses: string[];
            }[];
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
  probeReachability: {
    parameters: {
      query?: never;
      header?: never;
      path: {
        engine: string;
      };
      cookie?: never;
    };
    requestBody: {
      content: {
        'application/json': {
          from?: string;
          network?: string;
          containers?: string[];
          acrossNodes?: boolean;
        };
      };
    };
    responses: {
      /** @description Default Response */
      200: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            pairs: {
              from: string;
              to: string;
              predicted: {
                byName: boolean;
                byIp: boolean;
              };
              observed: {
                byName: boolean;
                byIp: boolean;
              } | null;
              agrees: boolean | null;
              note: string | null;
              tried: {
                [key: string]: boolean;
              };
            }[];
            startedAt: string;
            durationMs: number;
          };
        };
      };
      /** @description Default Response */
      400: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      401: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      403: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      404: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      409: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
      /** @description Default Response */
      429: {
        headers: {
          [name: string]: unknown;
        };
        content: {
          'application/json': {
            statusCode: number;
            error: string;
            message: string;
          };
        };
      };
    };
  };
}
