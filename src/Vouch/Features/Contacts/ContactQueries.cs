using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Audit;
using Vouch.Features.Catalog;
using Vouch.Web;

namespace Vouch.Features.Contacts;

/// <summary>Reading contacts: the search, one contact's profile, and the history of its changes.</summary>
public static class ContactQueries
{
    /// <summary>
    /// The contact's agreed activities and blackouts, each read by its own query. In one query SQLite
    /// would build the whole activity join table before joining it to the one contact (a second per
    /// open at a million contacts); apart, each is an index lookup by the contact's id.
    /// </summary>
    public static IQueryable<Contact> IncludeProfile(this IQueryable<Contact> contacts) =>
        contacts.Include(c => c.AgreedActivities).Include(c => c.Blackouts).AsSplitQuery();

    /// <summary>The contacts with <paramref name="text"/> anywhere in their name, in any case.</summary>
    public static IQueryable<Contact> NameContains(this IQueryable<Contact> contacts, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        return contacts.Where(c => (c.FirstName + " " + c.LastName).ToLower().Contains(lower));
    }

    /// <summary>The contacts with <paramref name="text"/> anywhere in their name, email or title, in any case.</summary>
    public static IQueryable<Contact> Matching(this IQueryable<Contact> contacts, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        return contacts.Where(c =>
            (c.FirstName + " " + c.LastName).ToLower().Contains(lower) ||
            c.Email!.ToLower().Contains(lower) ||
            c.Title!.ToLower().Contains(lower));
    }

    /// <summary>The contact search shared by the API and the pages.</summary>
    public static async Task<Paged<ContactSummary>> SearchContactsAsync(this VouchDbContext db, PageQuery page, ContactFilter filter, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(page.Q))
        {
            contacts = contacts.Matching(page.Q);
        }
        if (filter.Account is { } account)
        {
            contacts = contacts.Where(c => c.AccountId == account);
        }
        if (!string.IsNullOrWhiteSpace(filter.Industry))
        {
            var key = Keys.FromName(filter.Industry);
            contacts = contacts.Where(c => c.Account!.Industry!.Key == key);
        }
        if (!string.IsNullOrWhiteSpace(filter.Country))
        {
            var code = Countries.Resolve(filter.Country) ?? filter.Country;
            contacts = contacts.Where(c => c.Account!.CountryCode == code);
        }
        if (EnumText.ParseOrNull<AdvocacyStage>(filter.AdvocacyStage) is { } stage)
        {
            contacts = contacts.Where(c => c.AdvocacyStage == stage);
        }
        var total = await contacts.CountAsync(ct);
        var items = await contacts
            .OrderBy(c => c.LastName).ThenBy(c => c.FirstName).ThenBy(c => c.Id)
            .Skip(page.Skip).Take(page.Size)
            .Select(c => new ContactSummary(c.Id, c.FirstName, c.LastName, c.Title, c.Email, c.AccountId, c.Account!.Name, c.AdvocacyStage.ToString()))
            .ToListAsync(ct);
        return new Paged<ContactSummary>(items, total, page.PageNumber, page.Size);
    }

    /// <summary>Names what is wrong with a filter, so a typo is not silently an empty list.</summary>
    public static void Validate(this ContactFilter filter, ValidationErrors errors)
    {
        EnumText.Optional<AdvocacyStage>(filter.AdvocacyStage, "advocacyStage", errors);
        if (!string.IsNullOrWhiteSpace(filter.Country) && Countries.Resolve(filter.Country) is null)
        {
            errors.Add("country", $"'{filter.Country}' is not a country name or ISO code.");
        }
    }

    /// <summary>The audit record types that belong to a contact and carry its id in their values.</summary>
    // Records about the contact that hold what they said or who they are; their entries are part of the contact's
    // history and are redacted with it.
    private static readonly string[] s_childRecordTypes =
    [
        nameof(ConsentRecord), nameof(NpsAnswer), nameof(ContactBlackout), nameof(Reviews.EmployeeRelative), nameof(Reviews.ReviewInvitation),
        nameof(Executives.ExecutiveConversation),
    ];

    /// <summary>One contact's profile with its NPS answers; the private notes only when <paramref name="withNotes"/>.</summary>
    public static Task<ContactResponse?> FindContactAsync(this VouchDbContext db, Guid id, bool withNotes, CancellationToken ct) =>
        db.FindContactAsync(id, withNotes, includeDeleted: false, ct);

    public static async Task<ContactResponse?> FindContactAsync(this VouchDbContext db, Guid id, bool withNotes, bool includeDeleted, CancellationToken ct)
    {
        var contacts = includeDeleted ? db.Contacts.IgnoreQueryFilters() : db.Contacts;
        var contact = await contacts.AsNoTracking()
            .Include(c => c.Account).IncludeProfile()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return null;
        }
        var answers = await db.NpsAnswers.AsNoTracking().Where(a => a.ContactId == id)
            .OrderByDescending(a => a.AnsweredOn).ThenByDescending(a => a.Id)
            .Select(a => new NpsAnswerResponse(a.Id, a.Score, a.AnsweredOn, a.Comment))
            .ToListAsync(ct);
        return new ContactResponse(
            contact.Id, contact.FirstName, contact.LastName, contact.Title, contact.Email, contact.Phone,
            contact.AccountId, contact.Account!.Name, contact.PersonalityStyle?.ToString(), FlagNames.Of(contact.SocialCapitalWanted),
            contact.IsLeadUser, contact.HelpsOthers, contact.AdvocacyStage.ToString(), contact.IsDefender,
            contact.BlogUrl, contact.Followers, contact.Associations, contact.SpeaksAtEvents,
            contact.Consent.ToString(), contact.ConsentGivenOn, contact.ConsentExpiresOn, contact.ConsentScope,
            [.. contact.AgreedActivities.OrderBy(t => t.SortOrder).Select(t => t.Key)], contact.MaxAsksPerQuarter,
            FlagNames.Of(contact.PreferredChannels),
            [.. contact.Blackouts.OrderBy(b => b.Starts).Select(b => new BlackoutResponse(b.Starts, b.Ends, b.Reason))],
            contact.UseCase, contact.Results, contact.Quotes, answers, contact.ExternalId, contact.Version)
        {
            Notes = withNotes ? contact.Notes : null,
            FitsWhere = contact.FitsWhere,
            NotAFitFor = contact.NotAFitFor,
        };
    }

    /// <summary>
    /// The audit entries about a contact: its own, its consent records', NPS answers', blackouts' and agreed
    /// activities'. The children are found by the contact id in their values, so removed ones are found too.
    /// </summary>
    public static IQueryable<AuditEntry> AuditEntriesAbout(this VouchDbContext db, Guid contactId)
    {
        var id = contactId.ToString();
        var childIds = db.AuditEntries
            .Where(e => s_childRecordTypes.Contains(e.RecordType) && (e.After!.Contains(id) || e.Before!.Contains(id)))
            .Select(e => e.RecordId);
        return db.AuditEntries.AsNoTracking().Where(e =>
            (e.RecordType == nameof(Contact) && e.RecordId == id)
            || (e.RecordType == "ContactActivityTypes" && e.RecordId.Contains(id))
            || (s_childRecordTypes.Contains(e.RecordType) && childIds.Contains(e.RecordId)));
    }

    /// <summary>Every change to the contact, newest first, with who made it and when.</summary>
    public static async Task<IReadOnlyList<ContactChange>> HistoryAsync(this VouchDbContext db, Guid contactId, CancellationToken ct) =>
        await db.AuditEntriesAbout(contactId)
            .OrderByDescending(e => e.Id)
            .Select(e => new ContactChange(e.At, e.Actor, e.Action.ToString(), e.RecordType, e.Before, e.After, e.RedactedAt != null))
            .ToListAsync(ct);
}
