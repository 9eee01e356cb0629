using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;

namespace Vouch.Features.Executives;

/// <summary>The "Executive sponsor" section of an account's page: its sponsor and its last executive conversation.</summary>
public sealed class AccountExecutivesViewComponent(ExecutiveProgram program, CurrentUser user) : ViewComponent
{
    public sealed record Section(Guid AccountId, AccountExecutives Executives, bool MayManage, bool MayLog);

    public async Task<IViewComponentResult> InvokeAsync(Guid accountId) =>
        View("/Features/Executives/_AccountExecutives.cshtml", new Section(
            accountId, await program.OfAccountAsync(accountId, HttpContext.RequestAborted),
            await user.MayAsync(Policies.ManageInventory), await user.MayAsync(ExecutivesModule.LogConversations)));
}
