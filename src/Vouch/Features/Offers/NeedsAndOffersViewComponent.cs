using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;

namespace Vouch.Features.Offers;

/// <summary>The contact page's "Needs and offers": what they want and why we think so, how to talk to them, what fits them now.</summary>
public sealed class NeedsAndOffersViewComponent(OfferQueries queries, CurrentUser user) : ViewComponent
{
    /// <summary>How many recommended offers the contact page shows.</summary>
    public const int OffersShown = 3;

    public sealed record Section(Guid ContactId, NeedsResponse Needs, IReadOnlyList<RecommendedOffer> Offers, bool MayManage);

    public async Task<IViewComponentResult> InvokeAsync(Guid contactId)
    {
        var ct = HttpContext.RequestAborted;
        if (await queries.NeedsAsync(contactId, ct) is not { } needs)
        {
            return Content("");
        }
        var offers = await queries.OffersForAsync(contactId, ct) ?? [];
        return View("/Features/Offers/_NeedsAndOffers.cshtml",
            new Section(contactId, needs, [.. offers.Take(OffersShown)], await user.MayAsync(OffersModule.ManageOffers)));
    }
}
