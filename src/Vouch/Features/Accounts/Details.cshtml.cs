using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Contacts;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Accounts;

/// <summary>An account with everything known about it, its NPS and its contacts; the reference team edits and deletes.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class DetailsModel(VouchDbContext db, AccountWrites accounts, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public AccountResponse Account { get; private set; } = null!;
    public IReadOnlyList<ContactSummary> Contacts { get; private set; } = [];
    public bool IsManager { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await db.FindAccountAsync(id, ct) is not { } account)
        {
            return NotFound();
        }
        Account = account;
        IsManager = await user.MayAsync(Policies.ManageInventory);
        Contacts = (await db.SearchContactsAsync(new PageQuery { PageSize = PageQuery.MaxPageSize }, new ContactFilter { Account = id }, ct)).Items;
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        if (!(await accounts.DeleteAsync(id, ct)).Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = text["The account and its contacts were deleted."].Value;
        return Redirect("/accounts/deleted");
    }
}
