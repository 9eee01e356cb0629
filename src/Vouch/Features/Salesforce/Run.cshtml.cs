using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Salesforce;

/// <summary>One sync: its counts, and every record it rejected with the field and the reason, to fix in Salesforce.</summary>
[Authorize(Policy = Policies.Administer)]
public sealed class RunModel(SalesforceIntegration integration) : PageModel
{
    public SalesforceRunDetailsResponse Sync { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await integration.RunAsync(id, ct) is not { } sync)
        {
            return NotFound();
        }
        Sync = sync;
        return Page();
    }
}
