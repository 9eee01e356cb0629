using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Find;

/// <summary>What the header's search found: every kind the user may see on one page, and the short list shown as they type.</summary>
[Authorize(Policy = FindModule.FindRecords)]
public sealed class IndexModel(Finder finder, IStringLocalizer<Strings> text) : PageModel
{
    public FoundView Found { get; private set; } = FoundView.Nothing;

    public async Task OnGetAsync([FromQuery] string? q, CancellationToken ct) => Found = await FindAsync(q, Finder.PageShows, ct);

    /// <summary>The short list under the header's search box, fetched as the user types.</summary>
    public async Task<PartialViewResult> OnGetListAsync([FromQuery] string? q, CancellationToken ct) =>
        Partial("_FoundList", await FindAsync(q, Finder.ListShows, ct));

    private async Task<FoundView> FindAsync(string? q, int each, CancellationToken ct) =>
        Finder.Validate(q).IsEmpty
            ? new FoundView(await finder.FindAsync(q, each, ct), null)
            : new FoundView(new FindResponse("", []), text["A search can be at most {0} characters long; shorten it and try again.", PageQuery.MaxQueryLength]);
}

/// <summary>What a search found, or why it was not run.</summary>
public sealed record FoundView(FindResponse Found, string? Error)
{
    public bool FoundAny => Found.Groups.Any(g => g.Items.Count > 0);

    public static readonly FoundView Nothing = new(new FindResponse("", []), null);
}
