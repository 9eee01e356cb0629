using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Web;

namespace Vouch.Features.Accounts;

[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db) : PageModel
{
    public AccountResponse Account { get; private set; } = null!;
    public IReadOnlyList<ContactSummary> Contacts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.FindAsync(id, ct) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        Contacts = (await db.SearchContactsAsync(new PageQuery { PageSize = PageQuery.MaxPageSize }, id, null, null, null, ct)).Items;
        return Page();
    }
}
