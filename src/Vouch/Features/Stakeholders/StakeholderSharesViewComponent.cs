using Microsoft.AspNetCore.Mvc;

namespace Vouch.Features.Stakeholders;

/// <summary>The supply-and-demand page's section on how capacity was shared: each group's share of fulfilled requests against its target.</summary>
public sealed class StakeholderSharesViewComponent(StakeholderGroups groups) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(DateOnly from, DateOnly to) =>
        View("/Features/Stakeholders/_StakeholderShares.cshtml", await groups.SharesAsync(from, to, HttpContext.RequestAborted));
}
