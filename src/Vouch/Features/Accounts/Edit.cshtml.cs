using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Web;

namespace Vouch.Features.Accounts;

/// <summary>Adding an account (no id) or editing one; a save over someone else's newer one keeps the input and says so.</summary>
[Authorize(Policy = Policies.ManageInventory)]
public sealed class EditModel(VouchDbContext db) : PageModel
{
    [BindProperty]
    public AccountForm Form { get; set; } = new();
    public AccountFormView View { get; private set; } = null!;
    public Guid? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await db.FindAsync(existing, ct) is not { } account)
            {
                return NotFound();
            }
            Form = AccountForm.From(account);
        }
        return await ShowAsync(id, new ValidationErrors(), conflict: false, ct);
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken ct)
    {
        var errors = ModelState.BindingErrors();
        if (!errors.IsEmpty)
        {
            return await ShowAsync(id, errors, conflict: false, ct);
        }
        var input = Form.ToInput();
        Account? account;
        if (id is { } existing)
        {
            account = await db.Accounts.AsSplitQuery().Include(a => a.Products).SingleOrDefaultAsync(a => a.Id == existing, ct);
            if (account is null)
            {
                return NotFound();
            }
            if (input.Version != account.Version)
            {
                return await ShowAsync(id, errors, conflict: true, ct);
            }
        }
        else
        {
            account = new Account { Name = "" };
        }
        errors = await input.ApplyToAsync(account, db, ct);
        if (!errors.IsEmpty)
        {
            return await ShowAsync(id, errors, conflict: false, ct);
        }
        if (account.ExternalId is not null && await db.Accounts.IgnoreQueryFilters().AnyAsync(a => a.ExternalId == account.ExternalId && a.Id != account.Id, ct))
        {
            errors.Add("externalId", $"externalId '{account.ExternalId}' is taken by another account.");
            return await ShowAsync(id, errors, conflict: false, ct);
        }
        if (id is null)
        {
            db.Accounts.Add(account);
        }
        else
        {
            db.Entry(account).Property(a => a.Version).OriginalValue = input.Version!.Value;
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return await ShowAsync(id, new ValidationErrors(), conflict: true, ct);
        }
        TempData["Notice"] = id is null ? "The account was added." : "The account was saved.";
        return Redirect($"/accounts/{account.Id}");
    }

    private async Task<IActionResult> ShowAsync(Guid? id, ValidationErrors errors, bool conflict, CancellationToken ct)
    {
        Id = id;
        View = new AccountFormView(
            Form,
            await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct),
            await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct),
            errors, conflict);
        return Page();
    }
}
