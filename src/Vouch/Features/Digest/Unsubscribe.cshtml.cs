using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Vouch.Features.Digest;

/// <summary>The one click in a digest that stops the next ones; no sign-in needed, the link says who.</summary>
[AllowAnonymous]
public sealed class UnsubscribeModel(AdvocateDigests digests) : PageModel
{
    public bool Unsubscribed { get; private set; }

    public async Task OnGetAsync(string? token, CancellationToken ct) => Unsubscribed = await digests.UnsubscribeAsync(token, ct);
}
