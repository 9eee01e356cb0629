using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Email;
using Vouch.Features.Requests;

namespace Vouch.Features.Salesforce;

/// <summary>
/// Writes to Salesforce what Sales needs to see on the deal: each completed reference activity as a Task (or the
/// admin's custom object) on its opportunity, and each referral as a Lead with its source. Each is written once; one
/// Salesforce refuses is kept with the reason and tried again at the next sync, up to <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class SalesforcePushes(VouchDbContext db, SalesforceClient client, EmailSettings email, TimeProvider clock)
{
    public const int MaxAttempts = 5;

    /// <summary>Records pushed in one sync at most; the rest wait for the next, so one sync cannot spend a day's API calls.</summary>
    public const int MaxPerSync = 1_000;

    public sealed record Outcome(int Activities, int Leads, int Failed);

    public async Task<Outcome> RunAsync(SalesforceSync options, Func<string, Task> current, CancellationToken ct)
    {
        var (activities, leads, failed) = (0, 0, 0);
        if (options.ActivitiesPushedSince is { } activitiesSince)
        {
            await current(options.ActivityObject);
            foreach (var activity in await ActivitiesAsync(activitiesSince, ct))
            {
                var pushed = await PushAsync(SalesforcePushKind.Activity, activity.Id, options.ActivityObject, ActivityFields(options.ActivityObject, activity), ct);
                (activities, failed) = pushed ? (activities + 1, failed) : (activities, failed + 1);
            }
        }
        if (options.ReferralsPushedSince is { } referralsSince)
        {
            await current("Lead");
            foreach (var referral in await ReferralsAsync(referralsSince, ct))
            {
                var pushed = await PushAsync(SalesforcePushKind.Referral, referral.Id, "Lead", LeadFields(options.LeadSource, referral), ct);
                (leads, failed) = pushed ? (leads + 1, failed) : (leads, failed + 1);
            }
        }
        return new Outcome(activities, leads, failed);
    }

    /// <summary>
    /// Creates the record and notes it. A refusal of this record (a missing field, a picklist value the org lacks) is
    /// noted for the admin; the org's API limit, a sign-in refused or a server that does not answer stop the sync.
    /// </summary>
    private async Task<bool> PushAsync(SalesforcePushKind kind, Guid sourceId, string sObject, Dictionary<string, object?> fields, CancellationToken ct)
    {
        var push = await db.Set<SalesforcePush>().SingleOrDefaultAsync(p => p.Kind == kind && p.SourceId == sourceId, ct)
            ?? db.Add(new SalesforcePush { Kind = kind, SourceId = sourceId }).Entity;
        push.Attempts++;
        try
        {
            push.SalesforceId = await client.CreateAsync(sObject, fields, ct);
            (push.PushedAt, push.Error) = (clock.GetUtcNow(), null);
        }
        catch (SalesforceException e) when (!e.IsLimitExceeded && (int)e.Status is >= 400 and < 500 and not 401 and not 403)
        {
            push.Error = Shorten(e.Fields.Count > 0 ? $"{e.ErrorCode} ({string.Join(", ", e.Fields)}): {e.Reason}" : $"{e.ErrorCode}: {e.Reason}");
        }
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return push.PushedAt is not null;
    }

    private sealed record Activity(
        Guid Id, string OpportunityId, string Type, string? Advocate, string? AdvocateTitle, string? Account, string Seller,
        DateTimeOffset? ScheduledFor, DateTimeOffset CompletedAt, bool? Happened, int? Rating, bool? Helped, string? Notes);

    /// <summary>Reference activities completed since pushing began, on deals that are in Salesforce, not pushed yet.</summary>
    private async Task<List<Activity>> ActivitiesAsync(DateTimeOffset since, CancellationToken ct)
    {
        var done = DoneWith(SalesforcePushKind.Activity);
        var completed = await db.RequestTransitions.AsNoTracking()
            .Where(t => t.To == RequestStatus.Completed && t.At >= since && !done.Contains(t.RequestId))
            .GroupBy(t => t.RequestId).Select(g => new { RequestId = g.Key, At = g.Max(t => t.At) })
            .ToListAsync(ct);
        if (completed.Count == 0)
        {
            return [];
        }
        var ids = completed.Select(c => c.RequestId).ToList();
        var requests = await db.ReferenceRequests.AsNoTracking()
            .Where(r => ids.Contains(r.Id) && r.Opportunity!.ExternalId != null)
            .Select(r => new
            {
                r.Id, OpportunityId = r.Opportunity!.ExternalId!, Type = r.ActivityType!.Name,
                Advocate = r.Contact == null ? null : r.Contact.FirstName + " " + r.Contact.LastName,
                AdvocateTitle = r.Contact == null ? null : r.Contact.Title,
                Account = r.Contact == null ? null : r.Contact.Account!.Name,
                Seller = r.Requester!.DisplayName, r.ScheduledFor, r.Happened, r.Rating, r.Helped, r.FeedbackNotes,
            })
            .ToListAsync(ct);
        var at = completed.ToDictionary(c => c.RequestId, c => c.At);
        return [.. requests
            .Select(r => new Activity(r.Id, r.OpportunityId, r.Type, r.Advocate, r.AdvocateTitle, r.Account, r.Seller,
                r.ScheduledFor, at[r.Id], r.Happened, r.Rating, r.Helped, r.FeedbackNotes))
            .OrderBy(a => a.CompletedAt).Take(MaxPerSync)];
    }

    private sealed record Lead(Guid Id, string PersonName, string? Title, string? Email, string Company, string? Domain, string? Note, string ReferredBy, string ReferrerAccount);

    /// <summary>Referrals made since pushing began, not pushed yet.</summary>
    private async Task<List<Lead>> ReferralsAsync(DateTimeOffset since, CancellationToken ct)
    {
        var done = DoneWith(SalesforcePushKind.Referral);
        return await db.Set<Referrals.Referral>().AsNoTracking()
            .Where(r => r.CreatedAt >= since && !done.Contains(r.Id))
            .OrderBy(r => r.CreatedAt).Take(MaxPerSync)
            .Select(r => new Lead(r.Id, r.PersonName, r.PersonTitle, r.PersonEmail, r.Company, r.CompanyDomain, r.Note,
                r.ReferredBy!.FirstName + " " + r.ReferredBy.LastName, r.ReferredBy.Account!.Name))
            .ToListAsync(ct);
    }

    /// <summary>
    /// What is not to be pushed again: pushed already, or refused as often as it may be. A subquery, so the database
    /// leaves them out (<c>NOT EXISTS</c>) however many have been pushed over the years.
    /// </summary>
    private IQueryable<Guid> DoneWith(SalesforcePushKind kind) =>
        db.Set<SalesforcePush>().Where(p => p.Kind == kind && (p.PushedAt != null || p.Attempts >= MaxAttempts)).Select(p => p.SourceId);

    /// <summary>
    /// A Task on the opportunity (<c>WhatId</c>), completed, dated the day of the call. A custom object takes the same
    /// values in fields named <c>Opportunity__c</c>, <c>Subject__c</c>, <c>Activity_Date__c</c> and <c>Description__c</c>.
    /// </summary>
    private Dictionary<string, object?> ActivityFields(string sObject, Activity activity)
    {
        var subject = Shorten($"Reference {activity.Type.ToLowerInvariant()}: {activity.Advocate ?? "content"}{(activity.Account is null ? "" : $" ({activity.Account})")}", 255);
        var date = (activity.ScheduledFor ?? activity.CompletedAt).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var description = new StringBuilder();
        if (activity.Advocate is not null)
        {
            description.AppendLine(CultureInfo.InvariantCulture, $"Advocate: {activity.Advocate}{(activity.AdvocateTitle is null ? "" : $", {activity.AdvocateTitle}")}{(activity.Account is null ? "" : $" at {activity.Account}")}");
        }
        description.AppendLine(CultureInfo.InvariantCulture, $"Asked for by: {activity.Seller}");
        if (activity.Happened is { } happened)
        {
            description.AppendLine(CultureInfo.InvariantCulture, $"Happened: {(happened ? "yes" : "no")}{(activity.Rating is { } rating ? $"; rated {rating} of 5" : "")}{(activity.Helped is { } helped ? $"; helped the deal: {(helped ? "yes" : "no")}" : "")}");
        }
        if (activity.Notes is not null)
        {
            description.AppendLine(activity.Notes);
        }
        if (email.PublicUrl is { } root)
        {
            description.AppendLine(CultureInfo.InvariantCulture, $"In Vouch: {NotificationEmail.Absolute(root, $"/requests/{activity.Id}")}");
        }
        var text = Shorten(description.ToString().TrimEnd(), 32_000);
        return sObject == "Task"
            ? new() { ["WhatId"] = activity.OpportunityId, ["Subject"] = subject, ["ActivityDate"] = date, ["Status"] = "Completed", ["Description"] = text }
            : new() { ["Opportunity__c"] = activity.OpportunityId, ["Subject__c"] = subject, ["Activity_Date__c"] = date, ["Description__c"] = text };
    }

    /// <summary>A Lead for the referred person, with the source the admin chose and who referred them.</summary>
    private Dictionary<string, object?> LeadFields(string source, Lead lead)
    {
        var name = lead.PersonName.Trim();
        var space = name.LastIndexOf(' ');
        var description = $"Referred by {lead.ReferredBy} ({lead.ReferrerAccount}) through Vouch.";
        if (lead.Note is not null)
        {
            description += $"\n{lead.Note}";
        }
        if (email.PublicUrl is { } root)
        {
            description += $"\nIn Vouch: {NotificationEmail.Absolute(root, $"/referrals/{lead.Id}")}";
        }
        return new()
        {
            ["FirstName"] = space > 0 ? Shorten(name[..space], 40) : null,
            ["LastName"] = Shorten(space > 0 ? name[(space + 1)..] : name, 80),
            ["Company"] = Shorten(lead.Company, 255),
            ["Title"] = lead.Title is null ? null : Shorten(lead.Title, 128),
            ["Email"] = lead.Email,
            ["Website"] = lead.Domain,
            ["LeadSource"] = source,
            ["Description"] = Shorten(description, 32_000),
        };
    }

    private static string Shorten(string text, int max = SalesforceSyncRun.ErrorMaxLength) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
