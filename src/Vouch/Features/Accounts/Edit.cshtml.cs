using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Accounts;

/// <summary>Adding an account (no id) or editing one; a save over someone else's newer one keeps the input and says so.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class EditModel(VouchDbContext db, AccountWrites accounts, IStringLocalizer<Strings> text) : PageModel
{
    [BindProperty]
    public AccountForm Form { get; set; } = new();
    public AccountFormView View { get; private set; } = null!;
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.FindAccountAsync(existing, ct) is not { } account)
            {
                return NotFound();
            }
            Form = AccountForm.From(account);
        }
        return await ShowAsync(id, refusal: null, ct);
    }

    public Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct) => this.SaveFormAsync(
        () => id is { } existing ? accounts.UpdateAsync(existing, Form.ToInput(), ct) : accounts.CreateAsync(Form.ToInput(), ct),
        account => ($"/accounts/{account.Id}", (id is null ? text["The account was added."] : text["The account was saved."]).Value),
        refusal => ShowAsync(id, refusal, ct));

    private async Task<IActionResult> ShowAsync(Guid? id, Refusal? refusal, CancellationToken ct)
    {
        Id = id;
        View = new AccountFormView(
            Form,
            await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct),
            await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct),
            refusal);
        return Page();
    }
}
