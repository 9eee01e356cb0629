using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Reviews;

/// <summary>The campaign form as the browser posts it; it becomes a <see cref="ReviewCampaignInput"/>, so the rules are the API's.</summary>
public sealed class ReviewCampaignForm
{
    public string? Name { get; set; }
    public string? Site { get; set; }
    public string? SiteName { get; set; }
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public int? TargetCount { get; set; }
    public string? Kind { get; set; }
    public int? RefreshAfterMonths { get; set; }
    public string? Incentive { get; set; }
    public string? IncentiveDisclosure { get; set; }

    public ReviewCampaignInput ToInput() => new(
        Name, Site, Site == nameof(ReviewSite.Other) ? SiteName : null, StartsOn, EndsOn, TargetCount, Kind,
        Kind == nameof(CampaignKind.Refresh) ? RefreshAfterMonths : null, Incentive, IncentiveDisclosure, null);
}

/// <summary>Adding a review campaign.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class NewModel(ReviewQueries queries, ReviewCampaigns campaigns, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public ReviewCampaignForm Form { get; set; } = new();
    public Refusal? Refusal { get; private set; }

    public void OnGet()
    {
        (Form.StartsOn, Form.EndsOn, Form.TargetCount, Form.Site) = (queries.Today, queries.Today.AddDays(30), 10, nameof(ReviewSite.G2));
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => this.SaveFormAsync(
        () => campaigns.CreateAsync(Form.ToInput(), ct),
        campaign => ($"/reviews/{campaign.Id}", text["The campaign was added. Invite advocates who agreed to reviews."].Value),
        refusal =>
        {
            Refusal = refusal;
            return Task.FromResult<IActionResult>(Page());
        });
}
