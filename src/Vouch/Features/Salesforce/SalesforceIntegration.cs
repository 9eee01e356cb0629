using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Import;
using Vouch.Web;

namespace Vouch.Features.Salesforce;

public sealed record SalesforceOptionsBody(
    bool? PullOnSchedule, int? IntervalMinutes, bool? PushActivities, string? ActivityObject, bool? PushReferrals, string? LeadSource, Guid? Version);

public sealed record SalesforceOptionsResponse(
    bool PullOnSchedule, int IntervalMinutes, bool PushActivities, DateTimeOffset? ActivitiesPushedSince, string ActivityObject,
    bool PushReferrals, DateTimeOffset? ReferralsPushedSince, string LeadSource, Guid Version);

/// <summary>The connection as configuration gives it; its secrets are never shown.</summary>
public sealed record SalesforceConnectionResponse(string LoginUrl, string Flow, string? Username, string ApiVersion);

public sealed record SalesforceRunResponse(
    Guid Id, string Trigger, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Current,
    int Created, int Updated, int Unchanged, int Rejected, int Deleted, int ActivitiesPushed, int LeadsPushed, int PushesFailed,
    int ApiCalls, string? ApiUsage, string? Error, DateTimeOffset? ResumeAt)
{
    public static SalesforceRunResponse From(SalesforceSyncRun run) => new(
        run.Id, Kebab(run.Trigger), Kebab(run.Status), run.StartedAt, run.FinishedAt, run.Current,
        run.Created, run.Updated, run.Unchanged, run.Rejected, run.Deleted, run.ActivitiesPushed, run.LeadsPushed, run.PushesFailed,
        run.ApiCalls, run.ApiUsage, run.Error, run.ResumeAt);

    internal static string Kebab<T>(T value) where T : struct, Enum => SalesforceIntegration.Kebab(value.ToString());
}

/// <summary>A sync with its first <see cref="SalesforceIntegration.RejectionsShown"/> rejected records, and how many it rejected in all.</summary>
public sealed record SalesforceRunDetailsResponse(SalesforceRunResponse Run, IReadOnlyList<ImportRejection> Rejections, int RejectionsTotal);

public sealed record SalesforceCursorResponse(string Object, DateTimeOffset Through);

/// <summary>A record Salesforce refused, with its reason; <see cref="Link"/> is its page in Vouch.</summary>
public sealed record SalesforcePushFailure(string Kind, Guid SourceId, string Link, int Attempts, bool WillRetry, string? Error);

/// <summary>
/// Where the sync stands: <c>not-connected</c> (no connection in configuration), <c>requested</c>, <c>running</c>,
/// <c>waiting-for-limit</c>, <c>failed</c> (the last run) or <c>idle</c>.
/// </summary>
public sealed record SalesforceResponse(
    string State, SalesforceConnectionResponse? Connection, SalesforceOptionsResponse Options, DateTimeOffset? RequestedAt,
    SalesforceRunResponse? LastRun, IReadOnlyList<SalesforceRunResponse> Runs, IReadOnlyList<SalesforceCursorResponse> Cursors,
    int ActivitiesPushed, int LeadsPushed, IReadOnlyList<SalesforcePushFailure> FailedPushes);

/// <summary>What the admin sees of the Salesforce sync and changes in it, for the page and the API alike.</summary>
public sealed partial class SalesforceIntegration(
    VouchDbContext db, SalesforceSettings settings, SalesforceClient client, SalesforceSignal signal, TimeProvider clock)
{
    public const int RunsShown = 10;
    public const int FailuresShown = 20;
    public const int RejectionsShown = PageQuery.MaxPageSize;
    public const int MinIntervalMinutes = 5;
    public const int MaxIntervalMinutes = 7 * 24 * 60;

    public async Task<SalesforceResponse> GetAsync(CancellationToken ct)
    {
        var options = await OptionsAsync(ct);
        var runs = await db.Set<SalesforceSyncRun>().AsNoTracking().OrderByDescending(r => r.StartedAt).Take(RunsShown).ToListAsync(ct);
        var cursors = await db.Set<SalesforceCursor>().AsNoTracking().OrderBy(c => c.Object).ToListAsync(ct);
        var pushes = db.Set<SalesforcePush>().AsNoTracking();
        var pushed = await pushes.Where(p => p.PushedAt != null).GroupBy(p => p.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var failed = await pushes.Where(p => p.PushedAt == null).OrderByDescending(p => p.Id).Take(FailuresShown).ToListAsync(ct);
        var last = runs.FirstOrDefault();
        var state = !settings.IsConfigured ? "not-connected"
            : last?.Status == SalesforceRunStatus.Running ? "running"
            : options.RequestedAt is not null ? "requested"
            : last is null ? "idle"
            : last.Status switch
            {
                SalesforceRunStatus.WaitingForLimit => "waiting-for-limit",
                SalesforceRunStatus.Failed => "failed",
                _ => "idle",
            };
        return new SalesforceResponse(
            state,
            settings.IsConfigured
                ? new SalesforceConnectionResponse(settings.LoginUrl!.ToString().TrimEnd('/'), Kebab(settings.Flow.ToString()), settings.Username, settings.ApiVersion)
                : null,
            Options(options), options.RequestedAt,
            last is null ? null : SalesforceRunResponse.From(last),
            [.. runs.Select(SalesforceRunResponse.From)],
            [.. cursors.Select(c => new SalesforceCursorResponse(c.Object, c.Through))],
            pushed.SingleOrDefault(p => p.Kind == SalesforcePushKind.Activity)?.Count ?? 0,
            pushed.SingleOrDefault(p => p.Kind == SalesforcePushKind.Referral)?.Count ?? 0,
            [.. failed.Select(p => new SalesforcePushFailure(
                Kebab(p.Kind.ToString()), p.SourceId, p.Kind == SalesforcePushKind.Activity ? $"/requests/{p.SourceId}" : $"/referrals/{p.SourceId}",
                p.Attempts, p.Attempts < SalesforcePushes.MaxAttempts, p.Error))]);
    }

    public async Task<SalesforceRunDetailsResponse?> RunAsync(Guid id, CancellationToken ct)
    {
        if (await db.Set<SalesforceSyncRun>().AsNoTracking().SingleOrDefaultAsync(r => r.Id == id, ct) is not { } run)
        {
            return null;
        }
        var rejections = await ImportRejections.PageAsync(db, id, new PageQuery { PageSize = RejectionsShown }, ct);
        return new SalesforceRunDetailsResponse(SalesforceRunResponse.From(run), rejections.Items, rejections.Total);
    }

    /// <summary>
    /// Changes what is synced and when. Turning a push on starts it from now: what happened before is not pushed.
    /// </summary>
    public async Task<CommandResult<SalesforceOptionsResponse>> UpdateAsync(SalesforceOptionsBody body, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        if (body.IntervalMinutes is { } interval && interval is < MinIntervalMinutes or > MaxIntervalMinutes)
        {
            errors.Add("intervalMinutes", $"intervalMinutes must be from {MinIntervalMinutes} to {MaxIntervalMinutes} (a week).");
        }
        if (body.ActivityObject is { } sObject && !ActivityObjectPattern().IsMatch(sObject))
        {
            errors.Add("activityObject", "activityObject must be Task or a custom object's API name, such as Reference_Activity__c.");
        }
        if (body.LeadSource is not null)
        {
            errors.Required("leadSource", body.LeadSource, SalesforceSync.LeadSourceMaxLength);
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var options = await db.Set<SalesforceSync>().SingleAsync(ct);
        if (Versioning.Check(options, body.Version) is { } stale)
        {
            return stale;
        }
        var now = clock.GetUtcNow();
        options.PullOnSchedule = body.PullOnSchedule ?? options.PullOnSchedule;
        options.IntervalMinutes = body.IntervalMinutes ?? options.IntervalMinutes;
        options.ActivityObject = body.ActivityObject ?? options.ActivityObject;
        options.LeadSource = body.LeadSource?.Trim() ?? options.LeadSource;
        options.ActivitiesPushedSince = Since(body.PushActivities, options.ActivitiesPushedSince, now);
        options.ReferralsPushedSince = Since(body.PushReferrals, options.ReferralsPushedSince, now);
        var saved = await db.SaveOverAsync(options, body.Version!.Value, ct);
        return saved.Succeeded ? Options(options) : saved.Refusal;
    }

    /// <summary>Asks for a sync now; the job on this instance starts it at once, unless one is running.</summary>
    public async Task<CommandResult<SalesforceResponse>> RequestSyncAsync(Guid userId, CancellationToken ct)
    {
        if (!settings.IsConfigured)
        {
            return NotConnected;
        }
        var options = await db.Set<SalesforceSync>().SingleAsync(ct);
        (options.RequestedAt, options.RequestedById) = (clock.GetUtcNow(), userId);
        await db.SaveChangesAsync(ct);
        signal.Wake();
        return await GetAsync(ct);
    }

    /// <summary>Signs in to Salesforce now, so the admin learns at once whether the connection works.</summary>
    public async Task<CommandResult> CheckAsync(CancellationToken ct)
    {
        if (!settings.IsConfigured)
        {
            return NotConnected;
        }
        try
        {
            await client.CheckAsync(ct);
            return CommandResult.Success;
        }
        catch (Exception e) when (e is SalesforceException or HttpRequestException or Polly.Timeout.TimeoutRejectedException or Polly.CircuitBreaker.BrokenCircuitException)
        {
            return Refusal.Conflict("Salesforce refused the connection",
                e is SalesforceException refused ? $"{refused.ErrorCode}: {refused.Reason}" : $"Salesforce could not be reached: {e.Message}");
        }
    }

    private static Refusal NotConnected => Refusal.Conflict("Salesforce is not connected",
        "Set Salesforce:LoginUrl, Salesforce:ClientId and either Salesforce:PrivateKey with Salesforce:Username (JWT bearer) or Salesforce:ClientSecret (client credentials) in the server's configuration, then restart it.");

    private Task<SalesforceSync> OptionsAsync(CancellationToken ct) => db.Set<SalesforceSync>().AsNoTracking().SingleAsync(ct);

    private static DateTimeOffset? Since(bool? on, DateTimeOffset? since, DateTimeOffset now) => on switch
    {
        true => since ?? now,
        false => null,
        null => since,
    };

    private static SalesforceOptionsResponse Options(SalesforceSync o) => new(
        o.PullOnSchedule, o.IntervalMinutes, o.ActivitiesPushedSince is not null, o.ActivitiesPushedSince, o.ActivityObject,
        o.ReferralsPushedSince is not null, o.ReferralsPushedSince, o.LeadSource, o.Version);

    /// <summary>"WaitingForLimit" as the API writes it: "waiting-for-limit".</summary>
    internal static string Kebab(string name) => KebabBoundary().Replace(name, "$1-$2").ToLowerInvariant();

    [GeneratedRegex("([a-z])([A-Z])")]
    private static partial Regex KebabBoundary();

    [GeneratedRegex(@"^(Task|[A-Za-z][A-Za-z0-9_]{0,36}__c)$")]
    private static partial Regex ActivityObjectPattern();
}
