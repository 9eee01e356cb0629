using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;

namespace Vouch.Features.Launches;

[Authorize(Policy = Policies.ReadReports)]
public sealed class DetailsModel(LaunchPlanner planner) : PageModel
{
    public LaunchResponse Launch { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await planner.FindAsync(id, ct) is not { } launch)
        {
            return NotFound();
        }
        Launch = launch;
        return Page();
    }
}
