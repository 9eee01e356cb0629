using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Executives;

/// <summary>Executive sponsors of key accounts; the reference team pairs an account with an executive or ends a pairing.</summary>
[Authorize(Policy = Policies.ReadInventory)]
public sealed class SponsorsModel(ExecutiveProgram program, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text)
    : PageModel
{
    public sealed record AccountOption(Guid Id, string Name);

    public IReadOnlyList<SponsorResponse> Sponsors { get; private set; } = [];
    public IReadOnlyList<ExecutiveChoice> Executives { get; private set; } = [];
    public IReadOnlyList<AccountOption> Accounts { get; private set; } = [];
    public Guid? AccountId { get; private set; }
    public bool IsManager { get; private set; }
    public Refusal? Refusal { get; private set; }

    public Task<IActionResult> OnGetAsync(Guid? accountId, CancellationToken ct) => ShowAsync(accountId, ct);

    public async Task<IActionResult> OnPostAsync(Guid? accountId, Guid? executiveId, DateOnly? since, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        if (accountId is not { } id)
        {
            Refusal = Refusal.Invalid("accountId", "accountId is required: the account to sponsor.");
            return await ShowAsync(null, ct);
        }
        return await this.SaveFormAsync(
            () => program.SetSponsorAsync(id, new SponsorInput(executiveId, since), ct),
            s => ($"/accounts/{s.AccountId}", text["{0} sponsors {1}.", s.Executive, s.Account].Value),
            async refusal =>
            {
                Refusal = refusal;
                return await ShowAsync(accountId, ct);
            });
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid accountId, CancellationToken ct)
    {
        if (!await user.MayAsync(Policies.ManageInventory))
        {
            return Forbid();
        }
        if (!(await program.RemoveSponsorAsync(accountId, ct)).Succeeded)
        {
            return NotFound();
        }
        TempData["Notice"] = text["The account has no executive sponsor now."].Value;
        return Redirect("/executives/sponsors");
    }

    private async Task<IActionResult> ShowAsync(Guid? accountId, CancellationToken ct)
    {
        AccountId = accountId;
        Sponsors = await program.SponsorsAsync(ct);
        IsManager = await user.MayAsync(Policies.ManageInventory);
        if (IsManager)
        {
            Executives = await program.ExecutivesAsync(ct);
            var accounts = db.Accounts.AsNoTracking();
            Accounts = await (accountId is { } id ? accounts.Where(a => a.Id == id) : accounts.OrderBy(a => a.Name).Take(500))
                .Select(a => new AccountOption(a.Id, a.Name)).ToListAsync(ct);
        }
        return Page();
    }
}
