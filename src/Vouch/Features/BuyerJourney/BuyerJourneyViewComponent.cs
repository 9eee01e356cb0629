using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Features.Requests;

namespace Vouch.Features.BuyerJourney;

/// <summary>The "What influenced the buyer" section of a deal's page: the answer, or a link to give it once the deal is closed.</summary>
public sealed class BuyerJourneyViewComponent(BuyerJourneys journeys, CurrentUser user) : ViewComponent
{
    public sealed record Section(Guid OpportunityId, bool IsClosed, BuyerJourneyResponse? Answer, bool MayAnswer);

    public async Task<IViewComponentResult> InvokeAsync(Guid opportunityId, bool isClosed) =>
        View("/Features/BuyerJourney/_BuyerJourney.cshtml", new Section(opportunityId, isClosed,
            await journeys.FindAsync(opportunityId, HttpContext.RequestAborted), await user.MayAsync(RequestsModule.RequestReferences)));
}
