using Microsoft.EntityFrameworkCore;
using Vouch.Data;
using Vouch.Features.ActivityTypes;
using Vouch.Features.Contacts;
using Vouch.Features.Content;
using Vouch.Features.Opportunities;

namespace Vouch.Features.ProgramPolicies;

/// <summary>The program's policies: reading and replacing them, and judging a request or a use of content by them.</summary>
public sealed class PolicyRegister(VouchDbContext db, TimeProvider clock)
{
    public async Task<PolicyResponse> GetAsync(CancellationToken ct)
    {
        var policy = await SettingsAsync(ct);
        var rules = await db.Set<ActivityPolicy>().AsNoTracking()
            .OrderBy(p => p.ActivityType!.SortOrder)
            .Select(p => new ActivityRuleResponse(p.ActivityType!.Key, p.ActivityType.Name, p.MinimumStage, p.MinimumDealSize))
            .ToListAsync(ct);
        return new PolicyResponse(rules, SalesStages.Open, policy.LogoNeedsWrittenConsent, policy.CaseStudyReapprovalMonths, policy.Version);
    }

    /// <summary>Replaces the whole policy over the version the caller read; a policy that contradicts itself changes nothing.</summary>
    public async Task<CommandResult<PolicyResponse>> UpdateAsync(PolicyInput input, CancellationToken ct)
    {
        var activities = await db.ActivityTypes.Where(t => t.IsActive).ToDictionaryAsync(t => t.Key, ct);
        var errors = PolicyValidation.Validate(input, activities.Keys.ToHashSet(StringComparer.Ordinal));
        if (!errors.IsEmpty)
        {
            return Refusal.Invalid(errors);
        }
        var policy = await db.Set<ProgramPolicy>().SingleOrDefaultAsync(p => p.Id == ProgramPolicy.TheId, ct);
        var isNew = policy is null;
        policy ??= new ProgramPolicy();
        if (Versioning.Check(policy, input.Version) is { } stale)
        {
            return stale;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        policy.LogoNeedsWrittenConsent = input.LogoNeedsWrittenConsent!.Value;
        policy.CaseStudyReapprovalMonths = input.CaseStudyReapprovalMonths;
        db.Set<ActivityPolicy>().RemoveRange(await db.Set<ActivityPolicy>().ToListAsync(ct));
        db.Set<ActivityPolicy>().AddRange((input.Activities ?? [])
            .Select(a => new ActivityPolicy
            {
                ActivityTypeId = activities[a.ActivityType!].Id,
                MinimumStage = string.IsNullOrWhiteSpace(a.MinimumStage) ? null : SalesStages.Open[SalesStages.IndexOf(a.MinimumStage)],
                MinimumDealSize = a.MinimumDealSize,
            })
            // A rule that asks for nothing is no rule.
            .Where(a => a.MinimumStage is not null || a.MinimumDealSize is not null));
        if (isNew)
        {
            policy.Version = Guid.NewGuid();
            db.Add(policy);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another manager saved the first policy at the same moment.
                return Refusal.StaleVersion;
            }
        }
        else
        {
            var saved = await db.SaveOverAsync(policy, input.Version!.Value, ct, alwaysNewVersion: true);
            if (!saved.Succeeded)
            {
                return saved.Refusal;
            }
        }
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return await GetAsync(ct);
    }

    /// <summary>The rules a request for <paramref name="activity"/> (for <paramref name="deal"/>, if any) breaks.</summary>
    public async Task<IReadOnlyList<BrokenRule>> BrokenByAsync(ActivityType activity, Opportunity? deal, CancellationToken ct)
    {
        if (deal is null)
        {
            return [];
        }
        var rule = await db.Set<ActivityPolicy>().AsNoTracking().Where(p => p.ActivityTypeId == activity.Id)
            .Select(p => new ActivityRule(activity.Key, p.MinimumStage, p.MinimumDealSize)).SingleOrDefaultAsync(ct);
        return rule is null ? [] : PolicyEngine.Check(new ProgramRules([rule], false, null), new RequestFacts(activity.Key, deal.Stage, deal.Amount));
    }

    /// <summary>Why the content may not be used under the content rules, or null when it may.</summary>
    public async Task<IReadOnlyList<BrokenRule>> BrokenByUseAsync(Guid contentId, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var asset = await db.ContentAssets.AsNoTracking().Where(c => c.Id == contentId)
            .Select(c => new { c.Kind, c.ApprovedOn, c.ContactId }).SingleOrDefaultAsync(ct);
        if (asset is null || asset.Kind is not (ContentKind.Logo or ContentKind.CaseStudy))
        {
            return [];
        }
        var policy = await SettingsAsync(ct);
        var written = asset.ContactId is { } contactId && await db.Contacts.AnyAsync(c => c.Id == contactId && c.Consent == ConsentLevel.Written
            && (c.ConsentExpiresOn == null || c.ConsentExpiresOn >= today), ct);
        return PolicyEngine.Check(new ProgramRules([], policy.LogoNeedsWrittenConsent, policy.CaseStudyReapprovalMonths),
            new ContentFacts(asset.Kind, asset.ApprovedOn, written, today));
    }

    /// <summary>
    /// Why nobody may be proposed for the request yet: it is outside policy and no exception was approved. Null when
    /// it is within policy or its exception was approved.
    /// </summary>
    public async Task<string?> HoldAsync(Guid requestId, CancellationToken ct)
    {
        var exception = await db.Set<PolicyException>().AsNoTracking().Where(e => e.RequestId == requestId)
            .Select(e => new { e.State, e.Reasons }).SingleOrDefaultAsync(ct);
        return exception switch
        {
            null or { State: ExceptionState.Approved } => null,
            { State: ExceptionState.Declined } => "Its exception to the program's policy was declined.",
            _ => $"It is outside the program's policy and needs an exception a reference manager approves: {string.Join(" ", exception.Reasons)}",
        };
    }

    private async Task<ProgramPolicy> SettingsAsync(CancellationToken ct) =>
        await db.Set<ProgramPolicy>().AsNoTracking().SingleOrDefaultAsync(p => p.Id == ProgramPolicy.TheId, ct) ?? new ProgramPolicy();
}
