using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Features.Gifts;
using Vouch.Web;

namespace Vouch.Features.Engagements;

/// <summary>The "Asks and gives" section of a contact's page: the balance in words, the owed flag and the latest entries.</summary>
public sealed class AsksAndGivesViewComponent(LedgerEntries entries, CurrentUser user) : ViewComponent
{
    public const int Shown = 10;

    public sealed record Section(Guid ContactId, LedgerResponse Ledger, bool MayRecord, bool MayGive, GiveInput? Typed = null);

    public async Task<IViewComponentResult> InvokeAsync(Guid contactId)
    {
        var ledger = await entries.LedgerAsync(contactId, new PageQuery { PageSize = Shown }, HttpContext.RequestAborted);
        return ledger.Succeeded
            ? View("/Features/Engagements/_AsksAndGives.cshtml", new Section(
                contactId, ledger.Value, await user.MayAsync(Policies.ManageInventory), await user.MayAsync(GiftsModule.ManageGifts)))
            : Content("");
    }
}
