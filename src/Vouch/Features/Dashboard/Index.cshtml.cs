using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;

namespace Vouch.Features.Dashboard;

[Authorize(Policy = Policies.SignedIn)]
public sealed class IndexModel(VouchDbContext db, IAuthorizationService authorization) : PageModel
{
    public int Accounts { get; private set; }
    public int Contacts { get; private set; }
    public int Advocates { get; private set; }
    public int OpenOpportunities { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, Policies.ReadInventory)).Succeeded)
        {
            // Advocates have their own start page; the program's figures are not theirs to see.
            return User.IsInRole(Roles.Advocate) ? RedirectToPage("/Portal/Index") : Forbid();
        }
        Accounts = await db.Accounts.CountAsync(ct);
        Contacts = await db.Contacts.CountAsync(ct);
        Advocates = await db.Contacts.CountAsync(c => c.AdvocacyStage == AdvocacyStage.Advocate || c.AdvocacyStage == AdvocacyStage.RockStar, ct);
        OpenOpportunities = await db.Opportunities.CountAsync(o => !o.IsClosed, ct);
        return Page();
    }
}
