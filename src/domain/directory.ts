import { z } from 'zod';
import { findOrganisation, ORGANISATIONS, ROLES_BY_KIND, type OrganisationKind } from './organisations';
import { ROUTING_TABLE } from './routing';
import { HANDLER_ROLES, INFORMED_ROLES, OFFICE_HOLDER_ROLES, type HandlerRole, type InformedRole, type OfficeHolderRole } from './roles';

/**
 * The directory: who is who in each organisation, and where each handler desk gets its cases.
 * It is configuration (a JSON file), validated here so a wrong file stops start-up with a clear message.
 */

const PersonSchema = z.object({
  aadObjectId: z.string().uuid('must be an Entra ID object id (GUID)'),
  name: z.string().trim().min(1).max(200),
  email: z.string().email().optional(),
  /** The person's Teams user id (29:…), for a first 1:1 message; without it the object id is used. */
  teamsUserId: z.string().trim().min(1).max(200).optional(),
});
export type DirectoryPerson = z.infer<typeof PersonSchema>;

const ChannelSchema = z.object({
  teamId: z.string().trim().min(1),
  channelId: z.string().trim().min(1),
});

/** A handler desk: one handler role in one organisation, its Teams channel and its people. */
const DeskSchema = z.object({
  role: z.enum(HANDLER_ROLES),
  channel: ChannelSchema,
  handlers: z.array(PersonSchema).min(1, 'a desk needs at least one handler'),
});
export type HandlerDesk = z.infer<typeof DeskSchema>;

const PERSON_ROLES = [...new Set<string>([...OFFICE_HOLDER_ROLES, ...INFORMED_ROLES])] as [string, ...string[]];
const MemberSchema = PersonSchema.extend({ role: z.enum(PERSON_ROLES) });

const OrganisationEntrySchema = z.object({
  organisationId: z.string(),
  desks: z.array(DeskSchema).min(1),
  /** Office holders and informed parties (e.g. the burgemeester, the griffier) of this organisation. */
  members: z.array(MemberSchema).default([]),
  /** Who receives escalations for this organisation; defaults to the provincial coordinator VPT. */
  escalation: PersonSchema.optional(),
  /** The organisation's postal address, given to the police instead of any home address (police form). */
  address: z.string().trim().min(1).max(300).optional(),
});

export const DirectorySchema = z
  .object({
    version: z.literal(1),
    tenantId: z.string().trim().min(1),
    coordinatorVpt: PersonSchema,
    organisations: z.array(OrganisationEntrySchema).min(1),
  })
  .superRefine((directory, ctx) => {
    const seen = new Set<string>();
    directory.organisations.forEach((entry, index) => {
      const at = (...rest: (string | number)[]) => ['organisations', index, ...rest];
      const organisation = findOrganisation(entry.organisationId);
      if (!organisation) {
        ctx.addIssue({ code: 'custom', path: at('organisationId'), message: `unknown organisation "${entry.organisationId}" (expected one of the ${ORGANISATIONS.length} organisations of the province)` });
        return;
      }
      if (seen.has(entry.organisationId)) {
        ctx.addIssue({ code: 'custom', path: at('organisationId'), message: `organisation "${entry.organisationId}" appears twice` });
      }
      seen.add(entry.organisationId);
      const needed = handlerRolesForKind(organisation.kind);
      for (const role of needed) {
        if (!entry.desks.some((d) => d.role === role)) {
          ctx.addIssue({ code: 'custom', path: at('desks'), message: `${entry.organisationId} has no desk for "${role}" (needed for ${organisation.kind})` });
        }
      }
      entry.desks.forEach((desk, deskIndex) => {
        if (!needed.includes(desk.role)) {
          ctx.addIssue({ code: 'custom', path: at('desks', deskIndex, 'role'), message: `"${desk.role}" handles no reports in a ${organisation.kind}` });
        }
      });
      entry.members.forEach((member, memberIndex) => {
        if (!memberRoleFits(member.role, organisation.kind)) {
          ctx.addIssue({ code: 'custom', path: at('members', memberIndex, 'role'), message: `"${member.role}" does not exist in a ${organisation.kind}` });
        }
      });
    });
  });
export type DirectoryFile = z.infer<typeof DirectorySchema>;

/** Handler roles the routing table can route to inside an organisation of this kind. */
export function handlerRolesForKind(kind: OrganisationKind): HandlerRole[] {
  return [...new Set(ROLES_BY_KIND[kind].map((role) => ROUTING_TABLE[role].handlerRole))];
}

const INFORMED_ROLES_BY_KIND: Readonly<Record<OrganisationKind, readonly string[]>> = {
  provincie: ['commissarisVanDeKoning', 'statengriffier'],
  gemeente: ['burgemeester', 'griffier'],
  waterschap: ['dijkgraaf', 'secretaris'],
};

function memberRoleFits(role: string, kind: OrganisationKind): boolean {
  return (ROLES_BY_KIND[kind] as readonly string[]).includes(role) || INFORMED_ROLES_BY_KIND[kind].includes(role);
}

/** Read-only lookups over a validated directory file. */
export class Directory {
  constructor(private readonly file: DirectoryFile) {}

  get tenantId(): string {
    return this.file.tenantId;
  }

  get coordinatorVpt(): DirectoryPerson {
    return this.file.coordinatorVpt;
  }

  /** Organisations that are configured (only those can receive reports). */
  configuredOrganisationIds(): string[] {
    return this.file.organisations.map((o) => o.organisationId);
  }

  desk(organisationId: string, role: HandlerRole): HandlerDesk | undefined {
    return this.entry(organisationId)?.desks.find((d) => d.role === role);
  }

  /** Every desk on which this person is a handler. */
  desksOf(aadObjectId: string): { organisationId: string; desk: HandlerDesk }[] {
    return this.file.organisations.flatMap((o) =>
      o.desks.filter((d) => d.handlers.some((h) => h.aadObjectId === aadObjectId)).map((desk) => ({ organisationId: o.organisationId, desk })),
    );
  }

  /** People holding an informed role in an organisation. */
  informedPeople(organisationId: string, role: InformedRole): DirectoryPerson[] {
    return (this.entry(organisationId)?.members ?? []).filter((m) => m.role === role).map(stripRole);
  }

  /** Everyone with an informed role in an organisation (the choices when a handler adds an informed person). */
  informedMembers(organisationId: string): (DirectoryPerson & { role: InformedRole })[] {
    return (this.entry(organisationId)?.members ?? [])
      .filter((m) => (INFORMED_ROLES as readonly string[]).includes(m.role))
      .map((m) => ({ ...stripRole(m), role: m.role as InformedRole }));
  }

  /** The offices this person holds according to the directory (lets the intake skip "who are you"). */
  officesOf(aadObjectId: string): { organisationId: string; role: OfficeHolderRole }[] {
    return this.file.organisations.flatMap((o) =>
      o.members
        .filter((m) => m.aadObjectId === aadObjectId && (OFFICE_HOLDER_ROLES as readonly string[]).includes(m.role))
        .map((m) => ({ organisationId: o.organisationId, role: m.role as OfficeHolderRole })),
    );
  }

  /** The Teams user id configured for a person anywhere in the directory, if any. */
  teamsUserIdOf(aadObjectId: string): string | undefined {
    return this.everyone().find((p) => p.aadObjectId === aadObjectId && p.teamsUserId)?.teamsUserId;
  }

  /** A person's display name anywhere in the directory (handler, member, coordinator), if listed. */
  nameOf(aadObjectId: string): string | undefined {
    return this.everyone().find((p) => p.aadObjectId === aadObjectId)?.name;
  }

  /** The name of the handler with this object id on the given desk, if the directory knows them there. */
  handlerName(organisationId: string, role: HandlerRole, aadObjectId: string): string | undefined {
    return this.desk(organisationId, role)?.handlers.find((h) => h.aadObjectId === aadObjectId)?.name;
  }

  /** The organisation's address for the police form, if configured. */
  organisationAddress(organisationId: string): string | undefined {
    return this.entry(organisationId)?.address;
  }

  /** The person who receives escalations for an organisation. */
  escalationContact(organisationId: string): DirectoryPerson {
    return this.entry(organisationId)?.escalation ?? this.file.coordinatorVpt;
  }

  private everyone(): DirectoryPerson[] {
    return [
      this.file.coordinatorVpt,
      ...this.file.organisations.flatMap((o) => [...o.desks.flatMap((d) => d.handlers), ...o.members, ...(o.escalation ? [o.escalation] : [])]),
    ];
  }

  private entry(organisationId: string) {
    return this.file.organisations.find((o) => o.organisationId === organisationId);
  }
}

function stripRole({ role: _role, ...person }: DirectoryPerson & { role: string }): DirectoryPerson {
  return person;
}

/** Validates raw JSON; returns the directory or a list of problems, each naming its entry. */
export function parseDirectory(raw: unknown): { ok: true; directory: Directory } | { ok: false; problems: string[] } {
  const parsed = DirectorySchema.safeParse(raw);
  if (parsed.success) return { ok: true, directory: new Directory(parsed.data) };
  const problems = parsed.error.issues.map((issue) => `${describePath(raw, issue.path)}: ${issue.message}`);
  return { ok: false, problems };
}

/** "organisations[2] (gemeente-utrecht).desks[0].handlers" — names the entry, not just its index. */
function describePath(raw: unknown, path: (string | number)[]): string {
  let text = '';
  let node: unknown = raw;
  for (const key of path) {
    text += typeof key === 'number' ? `[${key}]` : text ? `.${key}` : key;
    node = node && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
    if (typeof key === 'number' && node && typeof node === 'object') {
      // Ids and roles only: names are personal data and stay out of start-up output.
      const label = (node as Record<string, unknown>).organisationId ?? (node as Record<string, unknown>).role;
      if (typeof label === 'string') text += ` (${label})`;
    }
  }
  return text || '(root)';
}
