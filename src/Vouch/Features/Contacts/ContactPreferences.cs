using Microsoft.EntityFrameworkCore;
using Vouch.Data;

namespace Vouch.Features.Contacts;

/// <summary>An advocate's own say in how they are asked. Each change is a consent record that names what changed.</summary>
public sealed partial class ContactProfiles
{
    public const int MaxAsksPerQuarterOfTheirOwn = 12;

    public async Task<PreferencesResponse?> PreferencesAsync(Guid contactId, CancellationToken ct)
    {
        var contact = await db.Contacts.AsNoTracking().IncludeProfile().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return null;
        }
        var history = await db.ConsentRecords.AsNoTracking()
            .Where(r => r.ContactId == contactId && r.Change != null)
            .OrderByDescending(r => r.RecordedAt).Take(20)
            .Select(r => new PreferenceChange(r.RecordedAt, r.RecordedBy == null ? "someone since removed" : r.RecordedBy.DisplayName, r.Change!))
            .ToListAsync(ct);
        return new PreferencesResponse(
            contact.MaxAsksPerQuarter,
            [.. contact.Blackouts.OrderBy(b => b.Starts).Select(b => new BlackoutResponse(b.Starts, b.Ends, b.Reason))],
            FlagNames.Of(contact.PreferredChannels),
            [.. contact.AgreedActivities.Select(t => t.Key).Order(StringComparer.Ordinal)],
            contact.Version,
            history);
    }

    /// <summary>
    /// Sets what the advocate said, over the version they read. Agreeing to activities without consent on record is
    /// their written consent, given in the portal. Matching reads the change at once.
    /// </summary>
    public async Task<CommandResult<PreferencesResponse>> SetPreferencesAsync(Guid contactId, PreferencesInput input, CancellationToken ct)
    {
        var contact = await db.Contacts.IncludeProfile().SingleOrDefaultAsync(c => c.Id == contactId, ct);
        if (contact is null)
        {
            return NotFound;
        }
        var errors = new ValidationErrors();
        if (input.MaxAsksPerQuarter is < 1 or > MaxAsksPerQuarterOfTheirOwn)
        {
            errors.Add("maxAsksPerQuarter",
                $"maxAsksPerQuarter must be from 1 to {MaxAsksPerQuarterOfTheirOwn}, or empty for no limit of your own; to stop being asked, agree to no activities.");
        }
        var blackouts = input.Blackouts ?? [];
        CheckBlackouts(blackouts, errors);
        var channels = FlagNames.Parse<Channels>(input.Channels, "channels", errors);
        var keys = (input.ActivityTypes ?? []).Where(k => !string.IsNullOrWhiteSpace(k)).Select(k => k.Trim().ToLowerInvariant()).Distinct().ToList();
        var activities = await db.ActivityTypes.Where(t => keys.Contains(t.Key)).ToListAsync(ct);
        foreach (var key in keys)
        {
            var type = activities.SingleOrDefault(t => t.Key == key);
            if (type is null)
            {
                errors.Add("activityTypes", $"'{key}' is not an activity type.");
            }
            else if (!type.IsActive && !contact.AgreedActivities.Any(t => t.Key == key))
            {
                errors.Add("activityTypes", $"'{key}' is retired and can no longer be agreed to.");
            }
        }
        if (input.Version is null)
        {
            errors.Add("version", "version is required: send the version you read.");
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        if (Versioning.Check(contact, input.Version) is { } stale)
        {
            return stale;
        }

        var before = Describe(contact);
        var names = contact.AgreedActivities.Concat(activities).DistinctBy(t => t.Key).ToDictionary(t => t.Key, t => t.Name);
        contact.MaxAsksPerQuarter = input.MaxAsksPerQuarter;
        contact.PreferredChannels = channels;
        contact.AgreedActivities.RemoveAll(t => !keys.Contains(t.Key));
        contact.AgreedActivities.AddRange(activities.Where(t => !before.Activities.Contains(t.Key)));
        SetBlackouts(contact, blackouts);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (keys.Count > 0 && contact.Consent == ConsentLevel.None)
        {
            (contact.Consent, contact.ConsentGivenOn, contact.ConsentScope) = (ConsentLevel.Written, today, "Agreed in the advocate portal");
        }
        var change = Changes(before, Describe(contact), names);
        if (change.Length == 0)
        {
            return (await PreferencesAsync(contactId, ct))!;
        }
        db.ConsentRecords.Add(new ConsentRecord
        {
            ContactId = contact.Id,
            RecordedAt = clock.GetUtcNow(),
            RecordedById = actor.Current.UserId,
            Consent = contact.Consent,
            GivenOn = contact.ConsentGivenOn,
            ExpiresOn = contact.ConsentExpiresOn,
            Scope = contact.ConsentScope,
            ActivityTypes = string.Join(",", contact.AgreedActivities.Select(t => t.Key).Order(StringComparer.Ordinal)),
            Change = change.Length > ConsentRecord.ChangeMaxLength ? change[..(ConsentRecord.ChangeMaxLength - 1)] + "…" : change,
        });
        var saved = await db.SaveOverAsync(contact, input.Version!.Value, ct, alwaysNewVersion: true);
        return saved.Succeeded ? (await PreferencesAsync(contactId, ct))! : saved.Refusal;
    }

    private sealed record Stated(int? MaxAsks, Channels Channels, HashSet<string> Activities, HashSet<(DateOnly, DateOnly)> Blackouts, ConsentLevel Consent);

    private static Stated Describe(Contact contact) => new(
        contact.MaxAsksPerQuarter,
        contact.PreferredChannels,
        [.. contact.AgreedActivities.Select(t => t.Key)],
        [.. contact.Blackouts.Select(b => (b.Starts, b.Ends))],
        contact.Consent);

    /// <summary>What changed, in the words the advocate and the reference team read in the history.</summary>
    private static string Changes(Stated before, Stated after, IReadOnlyDictionary<string, string> names)
    {
        var changes = new List<string>();
        if (before.MaxAsks != after.MaxAsks)
        {
            changes.Add($"most asks a quarter: {Limit(before.MaxAsks)} → {Limit(after.MaxAsks)}");
        }
        changes.AddRange(after.Blackouts.Except(before.Blackouts).Order().Select(b => $"blackout {b.Item1:yyyy-MM-dd} to {b.Item2:yyyy-MM-dd} added"));
        changes.AddRange(before.Blackouts.Except(after.Blackouts).Order().Select(b => $"blackout {b.Item1:yyyy-MM-dd} to {b.Item2:yyyy-MM-dd} removed"));
        if (before.Channels != after.Channels)
        {
            changes.Add($"channels: {Channels(before.Channels)} → {Channels(after.Channels)}");
        }
        changes.AddRange(after.Activities.Except(before.Activities).Order(StringComparer.Ordinal).Select(k => $"agreed to {names[k]}"));
        changes.AddRange(before.Activities.Except(after.Activities).Order(StringComparer.Ordinal).Select(k => $"no longer agreed to {names[k]}"));
        if (before.Consent != after.Consent)
        {
            changes.Add($"consent: {before.Consent} → {after.Consent}");
        }
        return string.Join("; ", changes);

        static string Limit(int? most) => most?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no limit";
        static string Channels(Channels channels) => channels == Contacts.Channels.None ? "none" : string.Join(", ", FlagNames.Of(channels));
    }
}
