using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.Accounts;
using Vouch.Features.Contacts;
using Vouch.Features.Engagements;
using Vouch.Web;

namespace Vouch.Features.Launches;

/// <summary>Launches, the references each needs, how recruiting goes and who the early adopters are.</summary>
public sealed class LaunchPlanner(VouchDbContext db, TimeProvider clock)
{
    /// <summary>The candidates a launch lists.</summary>
    public const int CandidatesShown = 25;

    /// <summary>The most contacts weighed as candidates: lead users and beta participants first, then users of the product.</summary>
    public const int CandidatesWeighed = 2_000;

    public const int MaxNeeded = 1_000;

    private const string BetaFeedback = "beta-feedback";

    public async Task<Paged<LaunchSummary>> ListAsync(PageQuery page, CancellationToken ct)
    {
        var total = await db.Set<Launch>().CountAsync(ct);
        var launches = await db.Set<Launch>().AsNoTracking().Include(l => l.Product).Include(l => l.Targets)
            .OrderByDescending(l => l.Date).ThenBy(l => l.Id).Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        var items = new List<LaunchSummary>();
        foreach (var launch in launches)
        {
            var progress = await ProgressAsync(launch, ct);
            items.Add(new LaunchSummary(launch.Id, launch.Name, launch.Product!.Name, launch.Date, launch.Segments,
                progress.Sum(p => p.Needed), progress.Sum(p => Math.Min(p.Recruited, p.Needed))));
        }
        return new Paged<LaunchSummary>(items, total, page.PageNumber, page.Size);
    }

    public async Task<LaunchResponse?> FindAsync(Guid id, CancellationToken ct)
    {
        var launch = await db.Set<Launch>().AsNoTracking().Include(l => l.Product).Include(l => l.Targets).SingleOrDefaultAsync(l => l.Id == id, ct);
        if (launch is null)
        {
            return null;
        }
        return new LaunchResponse(launch.Id, launch.Name, launch.Product!.Name, launch.Date, launch.Segments,
            await ProgressAsync(launch, ct), await CandidatesAsync(launch, ct));
    }

    public async Task<CommandResult<LaunchResponse>> CreateAsync(LaunchInput input, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        errors.Required("name", input.Name, Launch.NameMaxLength);
        var product = string.IsNullOrWhiteSpace(input.Product) ? null
            : await db.Products.SingleOrDefaultAsync(p => p.Key == input.Product.Trim() || p.Name == input.Product.Trim(), ct);
        if (product is null)
        {
            errors.Add("product", string.IsNullOrWhiteSpace(input.Product) ? "product is required." : $"product '{input.Product}' is not in the catalogue; GET /api/v1/products lists it.");
        }
        if (input.Date is null)
        {
            errors.Add("date", "date is required: the launch day.");
        }
        var segments = new List<Segment>();
        foreach (var text in input.Segments ?? [])
        {
            if (EnumText.ParseOrNull<Segment>(text) is { } segment)
            {
                segments.Add(segment);
            }
            else
            {
                errors.Add("segments", $"'{text}' is not a segment; {EnumText.MustBeOneOf<Segment>("segments")}");
            }
        }
        if (segments.Count == 0 && (input.Segments ?? []).Count == 0)
        {
            errors.Add("segments", "segments is required: at least one target segment.");
        }
        var activities = await db.ActivityTypes.Where(t => t.IsActive).ToDictionaryAsync(t => t.Key, ct);
        var targets = new List<LaunchTarget>();
        var targetInputs = input.Targets ?? [];
        for (var i = 0; i < targetInputs.Count; i++)
        {
            var (t, field) = (targetInputs[i], $"targets[{i}]");
            var segment = EnumText.ParseOrNull<Segment>(t.Segment);
            if (segment is null)
            {
                errors.Add($"{field}.segment", EnumText.MustBeOneOf<Segment>($"{field}.segment"));
            }
            else if (!segments.Contains(segment.Value))
            {
                errors.Add($"{field}.segment", $"{field}.segment {segment} is not one of the launch's segments.");
            }
            if (t.ActivityType is null || !activities.TryGetValue(t.ActivityType, out var activity))
            {
                errors.Add($"{field}.activityType", $"{field}.activityType '{t.ActivityType}' is not an activity type in use.");
                activity = null;
            }
            if (t.Needed is not (>= 1 and <= MaxNeeded))
            {
                errors.Add($"{field}.needed", $"{field}.needed must be from 1 to {MaxNeeded}.");
            }
            if (segment is { } s && activity is not null && t.Needed is { } needed)
            {
                if (targets.Any(x => x.Segment == s && x.ActivityTypeId == activity.Id))
                {
                    errors.Add($"{field}", $"{field} repeats {s} and {activity.Key}: one target per segment and activity.");
                }
                targets.Add(new LaunchTarget { Segment = s, ActivityTypeId = activity.Id, Needed = needed });
            }
        }
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var launch = new Launch
        {
            Name = input.Name!.Trim(), ProductId = product!.Id, Date = input.Date!.Value, Segments = [.. segments.Distinct().Select(s => s.ToString())],
            Targets = targets, CreatedAt = clock.GetUtcNow(),
        };
        db.Add(launch);
        await db.SaveChangesAsync(ct);
        return (await FindAsync(launch.Id, ct))!;
    }

    /// <summary>For each target, the referenceable contacts of accounts in its segment that use the product and agreed to its activity.</summary>
    private async Task<IReadOnlyList<TargetProgress>> ProgressAsync(Launch launch, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var progress = new List<TargetProgress>();
        var activities = await db.ActivityTypes.AsNoTracking().ToDictionaryAsync(t => t.Id, ct);
        foreach (var target in launch.Targets.OrderBy(t => t.Segment).ThenBy(t => activities[t.ActivityTypeId].SortOrder))
        {
            var recruited = await db.Contacts.CountAsync(c =>
                c.Account!.Segment == target.Segment && c.Account.DeletedAt == null && c.Account.Products.Any(p => p.Id == launch.ProductId)
                && c.Consent != ConsentLevel.None && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= today)
                && c.AgreedActivities.Any(a => a.Id == target.ActivityTypeId), ct);
            var activity = activities[target.ActivityTypeId];
            progress.Add(new TargetProgress(target.Segment.ToString(), activity.Key, activity.Name, target.Needed, recruited));
        }
        return progress;
    }

    private async Task<IReadOnlyList<RankedAdopter>> CandidatesAsync(Launch launch, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var segments = launch.Segments.Select(s => EnumText.ParseOrNull<Segment>(s)).OfType<Segment>().ToList();
        var beta = await db.ActivityTypes.Where(t => t.Key == BetaFeedback).Select(t => (Guid?)t.Id).SingleOrDefaultAsync(ct);
        var betaAsks = db.Engagements.Where(e => e.ActivityTypeId == beta && e.Kind == EngagementKind.Ask
            && (e.Status == EngagementStatus.Completed || e.Status == EngagementStatus.Scheduled));
        var rows = await db.Contacts.AsNoTracking()
            .Where(c => c.Account!.DeletedAt == null)
            .Select(c => new
            {
                c.Id, c.FirstName, c.LastName, Account = c.Account!.Name, c.IsLeadUser,
                Betas = betaAsks.Count(e => e.ContactId == c.Id),
                UsesProduct = c.Account.Products.Any(p => p.Id == launch.ProductId),
                c.Account.Segment,
                Referenceable = c.Consent != ConsentLevel.None && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= today),
            })
            .Where(c => c.IsLeadUser || c.Betas > 0 || c.UsesProduct)
            .OrderByDescending(c => c.IsLeadUser).ThenByDescending(c => c.Betas).ThenBy(c => c.Id)
            .Take(CandidatesWeighed)
            .ToListAsync(ct);
        return EarlyAdopters.Rank(rows.Select(c => new AdopterFacts(
            c.Id, $"{c.FirstName} {c.LastName}", c.Account, c.IsLeadUser, c.Betas, c.UsesProduct,
            c.Segment is { } s && segments.Contains(s), c.Referenceable)), CandidatesShown);
    }
}
