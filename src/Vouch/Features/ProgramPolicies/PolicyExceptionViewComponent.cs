using Microsoft.AspNetCore.Mvc;
using Vouch.Auth;
using Vouch.Features.Requests;

namespace Vouch.Features.ProgramPolicies;

/// <summary>The "Outside policy" section of a request's page: the rules it breaks, the decision, and the form to decide.</summary>
public sealed class PolicyExceptionViewComponent(PolicyExceptions exceptions, CurrentUser user) : ViewComponent
{
    public sealed record Section(Guid RequestId, PolicyExceptionResponse? Exception, bool MayDecide, string? Error);

    public async Task<IViewComponentResult> InvokeAsync(Guid requestId)
    {
        var actor = await RequestActor.OfAsync(user);
        return View("/Features/ProgramPolicies/_PolicyException.cshtml", new Section(
            requestId, await exceptions.FindAsync(actor, requestId, HttpContext.RequestAborted), actor.IsManager, TempData["PolicyError"] as string));
    }
}
