using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Vouch.Data;
using Vouch.Features.AccountReviews;
using Vouch.Features.Engagements;
using Vouch.Features.Matching;

namespace Vouch.Features.Requests;

/// <summary>An ask of an advocate's time that does not come through a reference request: a speaking slot, a review.</summary>
/// <remarks>Title: What it is in words ("Speaking at the Customer Summit"). At: When it takes place.</remarks>
public sealed record AdvocateAsk(Guid ContactId, string ActivityKey, DateTimeOffset At, EngagementStatus Status, string? Title);

/// <summary>
/// Asks of an advocate made by any part of the program, under the same hard rules as a reference request's: consent
/// for the activity, rest periods, the advocate's and the account's quarterly limits, blackouts and the no-ask window.
/// Like assigning a request, it must run inside the caller's transaction, which it makes hold the contact's capacity:
/// on PostgreSQL it locks the account's and the contact's rows; on SQLite the transaction holds the write lock.
/// </summary>
public sealed class AdvocateAsks(VouchDbContext db, CandidatePool pool, IOptions<RequestOptions> options, TimeProvider clock, AccountHolds holds)
{
    /// <summary>
    /// Adds the ask to the ledger when every rule allows it; otherwise a conflict naming each rule that does not, and
    /// nothing is added. <paramref name="field"/> is the field a missing contact is reported against.
    /// </summary>
    public async Task<CommandResult<Engagement>> AskAsync(AdvocateAsk ask, string field, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("An ask of an advocate is made inside the transaction that saves it.");
        }
        var activity = await db.ActivityTypes.AsNoTracking().SingleOrDefaultAsync(a => a.Key == ask.ActivityKey, ct)
            ?? throw new InvalidOperationException($"The activity type '{ask.ActivityKey}' is one the catalogue always has.");
        var accountId = await db.Contacts.Where(c => c.Id == ask.ContactId).Select(c => (Guid?)c.AccountId).SingleOrDefaultAsync(ct);
        if (accountId is null)
        {
            return Refusal.Invalid(field, $"{field} is not a contact.");
        }
        await LockAsync(db, accountId.Value, ask.ContactId, ct);
        if (await pool.ContactAsync(ask.ContactId, ct) is not var (contact, candidate))
        {
            return Refusal.Invalid(field, $"{field} is not a contact.");
        }
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var on = DateOnly.FromDateTime(ask.At.UtcDateTime);
        var criteria = new MatchCriteria(CandidatePool.ActivityOf(activity), on < today ? today : on);
        var ledger = await pool.LedgerAsync([candidate], today, ct);
        IReadOnlyList<string> rules = [.. AskRules.Check(criteria, candidate, ledger, options.Value.PolicyOn(today)), .. await holds.HoldsAsync(contact.AccountId, ct)];
        if (rules.Count > 0)
        {
            return Refusal.Conflict($"{contact.FullName} cannot be asked.", Sentence(rules));
        }
        var entry = new Engagement
        {
            ContactId = contact.Id,
            AccountId = contact.AccountId,
            Kind = EngagementKind.Ask,
            ActivityTypeId = activity.Id,
            Title = ask.Title,
            Status = ask.Status,
            At = ask.At,
        };
        db.Engagements.Add(entry);
        return entry;
    }

    /// <summary>
    /// What an advocate did of their own accord (a referral, an answer to an attack), in the ledger as a completed ask
    /// whatever the rules say: they keep us from asking, and refusing what was already done would only lose it. Added,
    /// not yet saved.
    /// </summary>
    public async Task<Engagement> RecordUnaskedAsync(Guid contactId, Guid accountId, string activityKey, DateTimeOffset at, string title, CancellationToken ct)
    {
        var entry = new Engagement
        {
            ContactId = contactId,
            AccountId = accountId,
            Kind = EngagementKind.Ask,
            ActivityTypeId = await db.ActivityTypes.Where(a => a.Key == activityKey).Select(a => a.Id).SingleAsync(ct),
            Title = title.Length > Engagement.TitleMaxLength ? title[..Engagement.TitleMaxLength] : title,
            Status = EngagementStatus.Completed,
            At = at,
        };
        db.Engagements.Add(entry);
        return entry;
    }

    /// <summary>Locks the account's and the contact's rows, in that order, until the transaction ends (PostgreSQL).</summary>
    internal static async Task LockAsync(VouchDbContext db, Guid accountId, Guid contactId, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Accounts" WHERE "Id" = {accountId} FOR UPDATE""", ct);
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Contacts" WHERE "Id" = {contactId} FOR UPDATE""", ct);
        }
    }

    /// <summary>"In a rest period until 3 May; quarterly limit reached (2 of 2)."</summary>
    internal static string Sentence(IReadOnlyList<string> rules)
    {
        var text = string.Join("; ", rules);
        return (text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..]) + ".";
    }
}
