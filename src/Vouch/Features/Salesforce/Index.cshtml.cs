using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Salesforce;

/// <summary>The Salesforce sync: the connection, its state and last syncs, what is synced and when; sync now.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class IndexModel(SalesforceIntegration integration, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public SalesforceResponse Salesforce { get; private set; } = null!;
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => ShowAsync(null, ct);

    /// <summary>The state and the last syncs alone, for htmx to poll while a sync is asked for or runs.</summary>
    public async Task<IActionResult> OnGetStatusAsync(CancellationToken ct)
    {
        Salesforce = await integration.GetAsync(ct);
        return Partial("_SalesforceStatus", Salesforce);
    }

    public async Task<IActionResult> OnPostAsync(
        bool pullOnSchedule, int? intervalMinutes, bool pushActivities, string? activityObject, bool pushReferrals, string? leadSource, Guid? version,
        CancellationToken ct) =>
        await this.SaveFormAsync(
            () => integration.UpdateAsync(new SalesforceOptionsBody(pullOnSchedule, intervalMinutes, pushActivities, activityObject, pushReferrals, leadSource, version), ct),
            _ => ("/integrations/salesforce", text["The sync settings are saved."].Value),
            refusal => ShowAsync(refusal, ct));

    public async Task<IActionResult> OnPostSyncAsync(CancellationToken ct) =>
        await this.SaveFormAsync(
            () => integration.RequestSyncAsync(user.Id, ct),
            _ => ("/integrations/salesforce", text["A sync is starting; its progress shows below."].Value),
            refusal => ShowAsync(refusal, ct));

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var checkedNow = await integration.CheckAsync(ct);
        if (!checkedNow.Succeeded)
        {
            return await ShowAsync(checkedNow.Refusal, ct);
        }
        TempData["Notice"] = text["Salesforce accepted the connection."].Value;
        return Redirect("/integrations/salesforce");
    }

    private async Task<IActionResult> ShowAsync(Refusal? refusal, CancellationToken ct)
    {
        Refusal = refusal;
        Salesforce = await integration.GetAsync(ct);
        if (refusal is not null)
        {
            Response.StatusCode = refusal.Kind.StatusCode();
        }
        return Page();
    }
}
