using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Audit;
using Vouch.Features.Users;

namespace Vouch.Features.Contacts;

public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    ContactResponse Profile,
    bool Deleted,
    IReadOnlyList<ConsentRecordResponse> ConsentHistory,
    LinkedUserResponse? LinkedUser,
    IReadOnlyList<IdeaVoteResponse> IdeaVotes,
    IReadOnlyList<IdeaCommentResponse> IdeaComments,
    IReadOnlyList<NeedResponse> Needs,
    IReadOnlyList<ReferralMadeResponse> Referrals,
    IReadOnlyList<ContactChange> AuditEntries);

/// <summary>A kind of social capital the reference team recorded the person wants, with what they saw.</summary>
public sealed record NeedResponse(string Capital, string? Evidence, DateTimeOffset RecordedAt);

/// <summary>A peer the person referred.</summary>
public sealed record ReferralMadeResponse(string Company, string PersonName, string? Note, DateTimeOffset CreatedAt);

public sealed record ConsentRecordResponse(
    DateTimeOffset RecordedAt, string? RecordedBy, string Consent, DateOnly? GivenOn, DateOnly? ExpiresOn, string? Scope, IReadOnlyList<string> ActivityTypes);

public sealed record LinkedUserResponse(Guid Id, string? Email, string DisplayName, bool IsDisabled, DateTimeOffset CreatedAt);

public sealed record IdeaVoteResponse(Guid IdeaId, string Idea, DateTimeOffset At);

public sealed record IdeaCommentResponse(Guid IdeaId, string Idea, string Text, DateTimeOffset At);

/// <summary>
/// A contact's right to see what is held about them and to be forgotten. Erasing keeps the numbers (NPS scores,
/// votes, the fact that changes happened) and removes the person: their name, contact details, story, notes and
/// comments, also from the audit log, which is redacted in place rather than deleted.
/// </summary>
public sealed class PersonalData(VouchDbContext db, AuditActor actor, TimeProvider clock)
{
    public const string ErasedFirstName = "Erased";
    public const string ErasedLastName = "contact";
    private const string Erased = "(erased)";

    /// <summary>Values in audit entries that hold what a person wrote or is called.</summary>
    private static readonly HashSet<string> s_personalProperties =
    [
        "FirstName", "LastName", "Title", "Email", "Phone", "BlogUrl", "Associations", "ConsentScope", "Scope",
        "UseCase", "Results", "Quotes", "FitsWhere", "NotAFitFor", "Notes", "Comment", "Text", "Reason", "ExternalId",
        "DisplayName", "UserName", "NormalizedUserName", "NormalizedEmail", "PhoneNumber",
    ];

    public async Task<PersonalDataExport?> ExportAsync(Guid contactId, CancellationToken ct)
    {
        // A deleted contact's data is still held, so it is exported too.
        var profile = await db.FindContactAsync(contactId, withNotes: true, includeDeleted: true, ct);
        if (profile is null)
        {
            return null;
        }
        var deleted = await db.Contacts.IgnoreQueryFilters().AnyAsync(c => c.Id == contactId && c.DeletedAt != null, ct);
        var consent = await db.ConsentRecords.AsNoTracking().Where(r => r.ContactId == contactId)
            .OrderByDescending(r => r.RecordedAt)
            .Select(r => new { r.RecordedAt, By = r.RecordedBy!.Email, r.Consent, r.GivenOn, r.ExpiresOn, r.Scope, r.ActivityTypes })
            .ToListAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.ContactId == contactId)
            .Select(u => new LinkedUserResponse(u.Id, u.Email, u.DisplayName, u.IsDisabled, u.CreatedAt))
            .FirstOrDefaultAsync(ct);
        IReadOnlyList<IdeaVoteResponse> votes = [];
        IReadOnlyList<IdeaCommentResponse> comments = [];
        if (user is not null)
        {
            votes = await db.IdeaVotes.AsNoTracking().Where(v => v.UserId == user.Id)
                .Join(db.Ideas, v => v.IdeaId, i => i.Id, (v, i) => new IdeaVoteResponse(i.Id, i.Title, v.At))
                .ToListAsync(ct);
            comments = await db.IdeaComments.AsNoTracking().Where(c => c.AuthorId == user.Id)
                .Join(db.Ideas, c => c.IdeaId, i => i.Id, (c, i) => new IdeaCommentResponse(i.Id, i.Title, c.Text, c.At))
                .ToListAsync(ct);
        }
        var needs = await db.Set<Offers.SocialCapitalNeed>().AsNoTracking().Where(n => n.ContactId == contactId)
            .OrderBy(n => n.RecordedAt).Select(n => new { n.Capital, n.Evidence, n.RecordedAt }).ToListAsync(ct);
        var referrals = await db.Set<Referrals.Referral>().AsNoTracking().Where(r => r.ReferredById == contactId)
            .OrderBy(r => r.CreatedAt).Select(r => new ReferralMadeResponse(r.Company, r.PersonName, r.Note, r.CreatedAt)).ToListAsync(ct);
        var audit = await AuditEntriesAbout(contactId, user?.Id, user?.Email)
            .OrderByDescending(e => e.Id)
            .Select(e => new ContactChange(e.At, e.Actor, e.Action.ToString(), e.RecordType, e.Before, e.After, e.RedactedAt != null))
            .ToListAsync(ct);
        return new PersonalDataExport(
            clock.GetUtcNow(), profile, deleted,
            [.. consent.Select(r => new ConsentRecordResponse(r.RecordedAt, r.By, r.Consent.ToString(), r.GivenOn, r.ExpiresOn, r.Scope,
                r.ActivityTypes.Split(',', StringSplitOptions.RemoveEmptyEntries)))],
            user, votes, comments, [.. needs.Select(n => new NeedResponse(n.Capital.ToString(), n.Evidence, n.RecordedAt))], referrals, audit);
    }

    /// <summary>Erases the contact's personal data.</summary>
    public async Task<CommandResult> EraseAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.IgnoreQueryFilters()
            .IncludeProfile()
            .SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return ContactProfiles.NotFound;
        }
        var users = await db.Users.Where(u => u.ContactId == contactId).ToListAsync(ct);
        // What identifies the person, to find it in free text as well as in the fields that hold it.
        var identifiers = new[] { contact.FullName, contact.FirstName, contact.LastName, contact.Email, contact.Phone }
            .Concat(users.SelectMany(u => new[] { u.Email, u.DisplayName, u.PhoneNumber }))
            .Where(value => value is { Length: >= 3 })
            .Select(value => value!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        var userEmails = users.Where(u => u.Email is not null).Select(u => u.Email!).ToList();

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        contact.FirstName = ErasedFirstName;
        contact.LastName = ErasedLastName;
        contact.Title = contact.Email = contact.Phone = contact.BlogUrl = contact.Associations = null;
        contact.ConsentScope = contact.UseCase = contact.Results = contact.Quotes = contact.Notes = contact.ExternalId = null;
        contact.FitsWhere = contact.NotAFitFor = null;
        contact.Followers = null;
        contact.PersonalityStyle = null;
        var hadConsent = contact.Consent != ConsentLevel.None || contact.AgreedActivities.Count > 0;
        contact.Consent = ConsentLevel.None;
        contact.ConsentGivenOn = contact.ConsentExpiresOn = null;
        contact.AgreedActivities.Clear();
        contact.MaxAsksPerQuarter = null;
        contact.PreferredChannels = Channels.None;
        db.ContactBlackouts.RemoveRange(contact.Blackouts);
        contact.SocialCapitalWanted = SocialCapital.None;
        // What the team saw of the person ("blogs weekly") and the links that would let someone in as them.
        await db.Set<Offers.SocialCapitalNeed>().Where(n => n.ContactId == contactId).ExecuteDeleteAsync(ct);
        await db.Set<Portal.AdvocateInvitation>().Where(i => i.ContactId == contactId).ExecuteDeleteAsync(ct);
        // Their public reviews lead back to them. That they are an employee's relative stays, so they are never invited
        // to review, but not in whose words.
        await db.Set<Reviews.ReviewInvitation>().Where(i => i.ContactId == contactId && i.ReviewUrl != null)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.ReviewUrl, (string?)null), ct);
        await db.Set<Reviews.EmployeeRelative>().Where(r => r.ContactId == contactId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Relation, Erased), ct);
        // What executives heard from them: the conversations still count toward the executives' targets.
        await db.Set<Executives.ExecutiveConversation>().Where(c => c.ContactId == contactId)
            .ExecuteUpdateAsync(set => set.SetProperty(c => c.ProductUse, (string?)null).SetProperty(c => c.Value, (string?)null)
                .SetProperty(c => c.Feeling, (string?)null).SetProperty(c => c.Learned, (string?)null).SetProperty(c => c.FollowUps, (string?)null), ct);
        await db.NpsAnswers.Where(a => a.ContactId == contactId && a.Comment != null).ForEachAsync(a => a.Comment = null, ct);
        await db.ConsentRecords.Where(r => r.ContactId == contactId && r.Scope != null).ForEachAsync(r => r.Scope = null, ct);
        if (hadConsent)
        {
            db.ConsentRecords.Add(new ConsentRecord
            {
                ContactId = contactId, RecordedAt = clock.GetUtcNow(), RecordedById = actor.Current.UserId, Consent = ConsentLevel.None,
            });
        }
        foreach (var user in users)
        {
            var anonymous = $"erased-{user.Id:N}@erased.invalid";
            user.Email = user.UserName = anonymous;
            user.NormalizedEmail = user.NormalizedUserName = anonymous.ToUpperInvariant();
            user.DisplayName = "Erased user";
            user.PhoneNumber = null;
            user.IsDisabled = true;
            user.SecurityStamp = Guid.NewGuid().ToString("N");
            await db.IdeaComments.Where(c => c.AuthorId == user.Id).ForEachAsync(c => c.Text = Erased, ct);
        }
        var userIds = users.Select(u => u.Id).ToList();
        db.UserLogins.RemoveRange(await db.UserLogins.Where(l => userIds.Contains(l.UserId)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);

        // The save above logged the old values too: redact every entry about the person, that one included.
        var now = clock.GetUtcNow();
        var userRecordIds = userIds.Select(id => id.ToString()).ToList();
        var entries = await db.AuditEntriesAbout(contactId).ToListAsync(ct);
        entries.AddRange(await db.AuditEntries.AsNoTracking()
            .Where(e => (e.UserId != null && userIds.Contains(e.UserId.Value)) || userEmails.Contains(e.Actor)
                || (e.RecordType == nameof(User) && userRecordIds.Contains(e.RecordId)))
            .ToListAsync(ct));
        var commentIds = (await db.IdeaComments.Where(c => userIds.Contains(c.AuthorId)).Select(c => c.Id).ToListAsync(ct))
            .Select(id => id.ToString()).ToList();
        entries.AddRange(await db.AuditEntries.AsNoTracking()
            .Where(e => e.RecordType == "IdeaComment" && commentIds.Contains(e.RecordId)).ToListAsync(ct));
        foreach (var entry in entries.DistinctBy(e => e.Id))
        {
            var before = Redact(entry.Before, identifiers);
            var after = Redact(entry.After, identifiers);
            var actorName = userEmails.Contains(entry.Actor, StringComparer.OrdinalIgnoreCase) ? "erased user" : entry.Actor;
            await db.AuditEntries.Where(e => e.Id == entry.Id).ExecuteUpdateAsync(set => set
                .SetProperty(e => e.Before, before)
                .SetProperty(e => e.After, after)
                .SetProperty(e => e.Actor, actorName)
                .SetProperty(e => e.RedactedAt, now), ct);
        }

        var (erasedById, erasedBy) = actor.Current;
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, UserId = erasedById, Actor = erasedBy, Action = AuditAction.Erased,
            RecordType = nameof(Contact), RecordId = contactId.ToString(),
            After = JsonSerializer.Serialize(new { RedactedEntries = entries.DistinctBy(e => e.Id).Count(), Users = userIds.Count }),
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>The contact's audit entries, and those about or by its linked user.</summary>
    private IQueryable<AuditEntry> AuditEntriesAbout(Guid contactId, Guid? userId, string? userEmail)
    {
        var entries = db.AuditEntriesAbout(contactId);
        if (userId is { } id)
        {
            var userRecord = id.ToString();
            entries = entries.Union(db.AuditEntries.AsNoTracking().Where(e =>
                e.UserId == id || e.Actor == userEmail || (e.RecordType == nameof(User) && e.RecordId == userRecord)));
        }
        return entries;
    }

    /// <summary>The JSON values with every personal property, and any text naming the person, replaced.</summary>
    private static string? Redact(string? json, IReadOnlyList<string> identifiers)
    {
        if (json is null || JsonNode.Parse(json) is not JsonObject values)
        {
            return json;
        }
        foreach (var (name, value) in values.ToList())
        {
            if (value is null)
            {
                continue;
            }
            var text = value.ToJsonString();
            if (s_personalProperties.Contains(name) || identifiers.Any(i => text.Contains(i, StringComparison.OrdinalIgnoreCase)))
            {
                values[name] = Erased;
            }
        }
        return values.ToJsonString();
    }
}
