using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Opportunities;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Referrals;

/// <summary>One referral: where it stands, moving it on, the deal it became and what that deal won.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(ReferralQueries queries, ReferralIntake intake, VouchDbContext db, CurrentUser user, TimeProvider clock, IStringLocalizer<Strings> text) : PageModel
{
    public ReferralDetails Referral { get; private set; } = null!;
    public bool MayManage { get; private set; }

    /// <summary>Open deals the user sees, to link the referral to.</summary>
    public IReadOnlyList<OpportunitySummary> OpenDeals { get; private set; } = [];
    public Refusal? Refusal { get; private set; }
    public DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    public Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => ShowAsync(id, ct);

    public Task<IActionResult> OnPostMoveAsync(Guid id, string? status, Guid? version, CancellationToken ct) =>
        ManageAsync(id, () => intake.MoveAsync(id, new ReferralStatusBody(status, version), ct), Moved(status), ct);

    public async Task<IActionResult> OnPostLinkAsync(Guid id, Guid? opportunityId, Guid? version, CancellationToken ct) =>
        await ManageAsync(id, async () => await intake.LinkAsync(await OpportunityAccess.OfAsync(user), id, new ReferralOpportunityBody(opportunityId, null, version), ct),
            text["The referral is linked to its deal."], ct);

    public async Task<IActionResult> OnPostCreateAsync(Guid id, string? name, decimal? amount, DateOnly? closeDate, string? stage, Guid? version, CancellationToken ct) =>
        await ManageAsync(id, async () => await intake.LinkAsync(await OpportunityAccess.OfAsync(user), id,
            new ReferralOpportunityBody(null, new NewDealBody(name, amount, closeDate, stage), version), ct),
            text["The deal is created from the referral."], ct);

    private string Moved(string? status) =>
        Enum.TryParse<ReferralStatus>(status, ignoreCase: true, out var known) ? known switch
        {
            ReferralStatus.New => text["The referral is new."],
            ReferralStatus.Contacted => text["The referral is contacted."],
            ReferralStatus.Qualified => text["The referral is qualified."],
            ReferralStatus.Opportunity => text["The referral is opportunity."],
            ReferralStatus.Won => text["The referral is won."],
            _ => text["The referral is lost."],
        } : $"The referral is {status?.ToLowerInvariant()}.";

    private async Task<IActionResult> ManageAsync(Guid id, Func<Task<CommandResult>> act, string notice, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        var binding = ModelState.BindingErrors("");
        var result = binding.IsEmpty ? await act() : Refusal.Invalid(binding);
        if (result.Succeeded)
        {
            TempData["Notice"] = notice;
            return Redirect($"/referrals/{id}");
        }
        if (result.Refusal.Kind == RefusalKind.NotFound)
        {
            return NotFound();
        }
        Refusal = result.Refusal;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await queries.FindAsync(id, ct) is not { } referral)
        {
            return NotFound();
        }
        Referral = referral;
        MayManage = await user.MayAsync(Policies.ManageInventory);
        if (MayManage && referral.OpportunityId is null)
        {
            var access = await OpportunityAccess.OfAsync(user);
            OpenDeals = (await db.SearchOpportunitiesAsync(access, new PageQuery { PageSize = 100 }, new OpportunityFilter { Open = true }, ct)).Items;
        }
        return Page();
    }
}
