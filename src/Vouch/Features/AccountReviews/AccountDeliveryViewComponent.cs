using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;

namespace Vouch.Features.AccountReviews;

/// <summary>The "Delivery" section of an account's page: current health, open escalations, the next review and what they mean for asks.</summary>
public sealed class AccountDeliveryViewComponent(ReviewCalendar calendar, CurrentUser user) : ViewComponent
{
    public sealed record Section(Guid AccountId, AccountDelivery? Delivery, bool MayManage);

    public async Task<IViewComponentResult> InvokeAsync(Guid accountId) =>
        View("/Features/AccountReviews/_AccountDelivery.cshtml", new Section(
            accountId, await calendar.DeliveryAsync(accountId, HttpContext.RequestAborted), await user.MayAsync(Policies.ManageInventory)));
}
