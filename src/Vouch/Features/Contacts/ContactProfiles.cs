using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;

namespace Vouch.Features.Contacts;

/// <summary>
/// Creating, editing, deleting and restoring contacts: one set of rules for the API and the pages. Every consent
/// change is written to the consent history in the same save as the change.
/// </summary>
public sealed partial class ContactProfiles(VouchDbContext db, AuditActor actor, TimeProvider clock)
{
    public const int MaxBlackouts = 20;

    public static readonly Refusal NotFound = Refusal.NotFound("The contact");

    public async Task<CommandResult<ContactResponse>> CreateAsync(ContactInput input, CancellationToken ct)
    {
        var contact = new Contact { FirstName = "", LastName = "" };
        if (await ApplyAsync(input, contact, isNew: true, ct) is { } invalid)
        {
            return invalid;
        }
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return await ReadAsync(contact.Id, ct);
    }

    /// <summary>Replaces the contact's profile, saving only over the version the caller read.</summary>
    public async Task<CommandResult<ContactResponse>> UpdateAsync(Guid id, ContactInput input, CancellationToken ct)
    {
        var contact = await db.Contacts.IncludeProfile().SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return NotFound;
        }
        if ((Versioning.Check(contact, input.Version) ?? await ApplyAsync(input, contact, isNew: false, ct)) is { } refusal)
        {
            return refusal;
        }
        // A change to the agreed activities or blackouts alone still makes a new version of the contact.
        var saved = await db.SaveOverAsync(contact, input.Version!.Value, ct, alwaysNewVersion: true);
        return saved.Succeeded ? await ReadAsync(id, ct) : saved.Refusal;
    }

    /// <summary>Hides the contact; <see cref="RestoreAsync"/> brings it back.</summary>
    public async Task<CommandResult> DeleteAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return NotFound;
        }
        contact.DeletedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return CommandResult.Success;
    }

    /// <summary>Undoes a delete; a contact whose account is deleted comes back with the account instead.</summary>
    public async Task<CommandResult<ContactResponse>> RestoreAsync(Guid id, CancellationToken ct)
    {
        var contact = await db.Contacts.IgnoreQueryFilters().Include(c => c.Account).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contact is null)
        {
            return NotFound;
        }
        if (contact.Account!.DeletedAt is not null)
        {
            return Refusal.Conflict("The contact cannot be restored on its own.",
                $"The account {contact.Account.Name} is deleted: restore the account, and its contacts come back with it.");
        }
        contact.DeletedAt = null;
        await db.SaveChangesAsync(ct);
        return await ReadAsync(id, ct);
    }

    public async Task<CommandResult<NpsAnswerResponse>> AddNpsAnswerAsync(Guid contactId, NpsAnswerInput input, CancellationToken ct)
    {
        if (!await db.Contacts.AnyAsync(c => c.Id == contactId, ct))
        {
            return NotFound;
        }
        var errors = new ValidationErrors();
        if (input.Score is not (>= 0 and <= 10))
        {
            errors.Add("score", "score must be a whole number from 0 to 10.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (input.AnsweredOn > today)
        {
            errors.Add("answeredOn", "answeredOn cannot be in the future.");
        }
        errors.MaxLength("comment", input.Comment, NpsAnswer.CommentMaxLength);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var answer = new NpsAnswer
        {
            ContactId = contactId,
            Score = input.Score!.Value,
            AnsweredOn = input.AnsweredOn ?? today,
            Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim(),
        };
        db.NpsAnswers.Add(answer);
        await db.SaveChangesAsync(ct);
        return new NpsAnswerResponse(answer.Id, answer.Score, answer.AnsweredOn, answer.Comment);
    }

    /// <summary>The contact as its writers read it: the reference team, who alone change contacts, read the notes.</summary>
    private async Task<ContactResponse> ReadAsync(Guid id, CancellationToken ct) => (await db.FindContactAsync(id, withNotes: true, ct))!;

    /// <summary>
    /// Checks <paramref name="input"/> and, when it is valid, copies it onto <paramref name="contact"/> (loaded with
    /// its agreed activities and blackouts), adding a consent record when the consent changed. Nothing is copied when
    /// anything is wrong.
    /// </summary>
    private async Task<Refusal?> ApplyAsync(ContactInput input, Contact contact, bool isNew, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("firstName", input.FirstName, Contact.NameMaxLength);
        errors.Required("lastName", input.LastName, Contact.NameMaxLength);
        errors.MaxLength("title", input.Title, 200);
        errors.MaxLength("email", input.Email, Contact.EmailMaxLength);
        errors.MaxLength("phone", input.Phone, 40);
        errors.MaxLength("blogUrl", input.BlogUrl, 500);
        errors.MaxLength("associations", input.Associations, 500);
        errors.MaxLength("consentScope", input.ConsentScope, 500);
        errors.MaxLength("useCase", input.UseCase, Contact.StoryMaxLength);
        errors.MaxLength("results", input.Results, Contact.StoryMaxLength);
        errors.MaxLength("quotes", input.Quotes, Contact.StoryMaxLength);
        errors.MaxLength("fitsWhere", input.FitsWhere, Contact.StoryMaxLength);
        errors.MaxLength("notAFitFor", input.NotAFitFor, Contact.StoryMaxLength);
        errors.MaxLength("notes", input.Notes, Contact.NotesMaxLength);
        errors.MaxLength("externalId", input.ExternalId, Account.ExternalIdMaxLength);
        var externalId = Clean(input.ExternalId);
        // A deleted contact keeps its external id (the index is unique), so it may come back as it was.
        if (externalId?.Length <= Account.ExternalIdMaxLength
            && await db.Contacts.IgnoreQueryFilters().AnyAsync(c => c.ExternalId == externalId && c.Id != contact.Id, ct))
        {
            errors.Add("externalId", $"externalId '{externalId}' is taken by another contact.");
        }
        if (!string.IsNullOrWhiteSpace(input.Email) && !new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(input.Email.Trim()))
        {
            errors.Add("email", $"'{input.Email}' is not an email address.");
        }
        if (!string.IsNullOrWhiteSpace(input.BlogUrl)
            && !(Uri.TryCreate(input.BlogUrl.Trim(), UriKind.Absolute, out var blog) && blog.Scheme is "http" or "https"))
        {
            errors.Add("blogUrl", "blogUrl must be an http or https address.");
        }
        if (input.AccountId is not { } accountId)
        {
            errors.Add("accountId", "accountId is required.");
        }
        else if (!await db.Accounts.AnyAsync(a => a.Id == accountId, ct))
        {
            errors.Add("accountId", "No account has this id.");
        }
        var style = EnumText.Optional<PersonalityStyle>(input.PersonalityStyle, "personalityStyle", errors);
        var stage = EnumText.Optional<AdvocacyStage>(input.AdvocacyStage, "advocacyStage", errors) ?? AdvocacyStage.Customer;
        var consent = EnumText.Optional<ConsentLevel>(input.Consent, "consent", errors) ?? ConsentLevel.None;
        var wanted = FlagNames.Parse<SocialCapital>(input.SocialCapitalWanted, "socialCapitalWanted", errors);
        var channels = FlagNames.Parse<Channels>(input.PreferredChannels, "preferredChannels", errors);
        if (input.Followers < 0)
        {
            errors.Add("followers", "followers cannot be negative.");
        }
        if (input.MaxAsksPerQuarter is < 0 or > 50)
        {
            errors.Add("maxAsksPerQuarter", "maxAsksPerQuarter must be from 0 to 50.");
        }
        if (input.ConsentGivenOn is { } given && input.ConsentExpiresOn is { } expires && expires < given)
        {
            errors.Add("consentExpiresOn", "consentExpiresOn cannot be before consentGivenOn.");
        }
        if (consent != ConsentLevel.None && input.ConsentGivenOn is null)
        {
            errors.Add("consentGivenOn", "consentGivenOn is required when there is consent: when did they agree?");
        }
        var activityKeys = (input.AgreedActivities ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim().ToLowerInvariant()).Distinct().ToList();
        var activities = await db.ActivityTypes.Where(t => activityKeys.Contains(t.Key)).ToListAsync(ct);
        var alreadyAgreed = contact.AgreedActivities.Select(t => t.Key).ToHashSet();
        foreach (var key in activityKeys)
        {
            var type = activities.SingleOrDefault(t => t.Key == key);
            if (type is null)
            {
                errors.Add("agreedActivities", $"'{key}' is not an activity type; GET /api/v1/activity-types lists them.");
            }
            else if (!type.IsActive && !alreadyAgreed.Contains(key))
            {
                errors.Add("agreedActivities", $"'{key}' is retired and can no longer be agreed to.");
            }
        }
        if (activityKeys.Count > 0 && consent == ConsentLevel.None)
        {
            errors.Add("agreedActivities", "Agreed activities need consent: set consent to Verbal or Written.");
        }
        var blackouts = input.Blackouts ?? [];
        CheckBlackouts(blackouts, errors);
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }

        var consentBefore = isNew ? null : ConsentOf(contact);
        contact.AccountId = input.AccountId!.Value;
        contact.FirstName = input.FirstName!.Trim();
        contact.LastName = input.LastName!.Trim();
        contact.Title = Clean(input.Title);
        contact.Email = Clean(input.Email);
        contact.Phone = Clean(input.Phone);
        contact.PersonalityStyle = style;
        contact.SocialCapitalWanted = wanted;
        contact.IsLeadUser = input.IsLeadUser;
        contact.HelpsOthers = input.HelpsOthers;
        contact.AdvocacyStage = stage;
        contact.IsDefender = input.IsDefender;
        contact.BlogUrl = Clean(input.BlogUrl);
        contact.Followers = input.Followers;
        contact.Associations = Clean(input.Associations);
        contact.SpeaksAtEvents = input.SpeaksAtEvents;
        contact.Consent = consent;
        contact.ConsentGivenOn = input.ConsentGivenOn;
        contact.ConsentExpiresOn = input.ConsentExpiresOn;
        contact.ConsentScope = Clean(input.ConsentScope);
        contact.MaxAsksPerQuarter = input.MaxAsksPerQuarter;
        contact.PreferredChannels = channels;
        contact.UseCase = Clean(input.UseCase);
        contact.Results = Clean(input.Results);
        contact.Quotes = Clean(input.Quotes);
        contact.FitsWhere = Clean(input.FitsWhere);
        contact.NotAFitFor = Clean(input.NotAFitFor);
        contact.Notes = Clean(input.Notes);
        contact.ExternalId = externalId;

        contact.AgreedActivities.RemoveAll(t => !activityKeys.Contains(t.Key));
        contact.AgreedActivities.AddRange(activities.Where(t => !alreadyAgreed.Contains(t.Key)));

        SetBlackouts(contact, blackouts);

        var consentAfter = ConsentOf(contact);
        // A new contact without consent has no consent history yet; any other change of consent starts or adds to it.
        if (consentAfter != consentBefore && !(isNew && contact.Consent == ConsentLevel.None))
        {
            db.ConsentRecords.Add(new ConsentRecord
            {
                ContactId = contact.Id,
                RecordedAt = clock.GetUtcNow(),
                RecordedById = actor.Current.UserId,
                Consent = contact.Consent,
                GivenOn = contact.ConsentGivenOn,
                ExpiresOn = contact.ConsentExpiresOn,
                Scope = contact.ConsentScope,
                ActivityTypes = consentAfter.Activities,
            });
        }
        return null;
    }

    private static void CheckBlackouts(IReadOnlyList<BlackoutInput> blackouts, ValidationErrors errors)
    {
        if (blackouts.Count > MaxBlackouts)
        {
            errors.Add("blackouts", $"At most {MaxBlackouts} blackouts.");
        }
        for (var i = 0; i < blackouts.Count; i++)
        {
            var blackout = blackouts[i];
            if (blackout.Starts is null || blackout.Ends is null)
            {
                errors.Add($"blackouts[{i}]", "A blackout needs the day it starts and the day it ends.");
            }
            else if (blackout.Ends < blackout.Starts)
            {
                errors.Add($"blackouts[{i}]", $"A blackout cannot end ({blackout.Ends:yyyy-MM-dd}) before it starts ({blackout.Starts:yyyy-MM-dd}).");
            }
            errors.MaxLength($"blackouts[{i}].reason", blackout.Reason, 200);
        }
    }

    /// <summary>Blackouts that stay keep their rows (and their history); the rest are removed or added.</summary>
    private void SetBlackouts(Contact contact, IReadOnlyList<BlackoutInput> blackouts)
    {
        var wanted = blackouts.Select(b => (b.Starts!.Value, b.Ends!.Value, Clean(b.Reason))).Distinct().ToList();
        foreach (var gone in contact.Blackouts.Where(b => !wanted.Contains((b.Starts, b.Ends, b.Reason))).ToList())
        {
            contact.Blackouts.Remove(gone);
            db.ContactBlackouts.Remove(gone);
        }
        foreach (var (starts, ends, reason) in wanted.Where(w => !contact.Blackouts.Any(b => (b.Starts, b.Ends, b.Reason) == w)))
        {
            // Added to the set, not only the collection: a new row with its id already set would otherwise be taken for an existing one.
            var blackout = new ContactBlackout { ContactId = contact.Id, Starts = starts, Ends = ends, Reason = reason };
            contact.Blackouts.Add(blackout);
            db.ContactBlackouts.Add(blackout);
        }
    }

    private sealed record ConsentState(ConsentLevel Consent, DateOnly? GivenOn, DateOnly? ExpiresOn, string? Scope, string Activities);

    private static ConsentState ConsentOf(Contact contact) =>
        new(contact.Consent, contact.ConsentGivenOn, contact.ConsentExpiresOn, contact.ConsentScope,
                string.Join(",", contact.AgreedActivities.Select(t => t.Key).Order(StringComparer.Ordinal)));

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
