using Microsoft.AspNetCore.Mvc;

namespace Vouch.Features.Value;

/// <summary>
/// The "Engagement value" section of an account's or a contact's page: each part with the lines behind it, and the
/// multiple. Shown to whoever may read the value (a seller, for the accounts they own); nothing for anyone else.
/// </summary>
public sealed class EngagementValueViewComponent(ValueQueries queries) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(Guid? accountId = null, Guid? contactId = null)
    {
        var ct = HttpContext.RequestAborted;
        var value = contactId is { } contact ? await queries.OfContactAsync(contact, ct) : await queries.OfAccountAsync(accountId ?? Guid.Empty, ct);
        return value is null ? Content("") : View("/Features/Value/_EngagementValue.cshtml", value);
    }
}
