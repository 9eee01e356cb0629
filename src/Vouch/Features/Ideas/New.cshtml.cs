using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Resources;

namespace Vouch.Features.Ideas;

/// <summary>Posting an idea; while the title is typed, the ideas most like it are shown so people can vote there instead.</summary>
[Authorize(Policy = IdeasModule.PostIdeas)]
public sealed class NewModel(IdeaExchange exchange, IdeaQueries queries, VouchDbContext db, CurrentUser user, IStringLocalizer<Strings> text) : PageModel
{
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<SimilarIdea> Similar { get; private set; } = [];
    public IDictionary<string, string[]> Errors { get; private set; } = new Dictionary<string, string[]>();
    public string? Title { get; private set; }
    public string? Description { get; private set; }
    public string? ProductArea { get; private set; }

    /// <summary>customer or employee; employees choose, everyone else posts to the customers' board.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Board { get; set; }

    public bool MayChooseBoard { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Products = await ProductsAsync(ct);
        MayChooseBoard = (await Viewer.OfAsync(user)).IsEmployee;
    }

    /// <summary>The similar-ideas list alone, which the title field asks for as the user types.</summary>
    public async Task<PartialViewResult> OnGetSimilarAsync(string? title, CancellationToken ct) =>
        Partial("_SimilarIdeas", await SimilarToAsync(title, ct));

    public async Task<IActionResult> OnPostAsync(string? title, string? description, string? productArea, CancellationToken ct)
    {
        var viewer = await Viewer.OfAsync(user);
        var posted = await exchange.PostAsync(viewer, new PostIdeaRequest(title, description, productArea, Board), ct);
        if (posted.Succeeded)
        {
            TempData["Notice"] = text["Thank you: your idea is posted. You will be told when its status changes."].Value;
            return Redirect($"/ideas/{posted.Value}");
        }
        (Title, Description, ProductArea, Errors) = (title, description, productArea, posted.Refusal.Errors ?? new Dictionary<string, string[]>());
        Products = await ProductsAsync(ct);
        MayChooseBoard = viewer.IsEmployee;
        Similar = await SimilarToAsync(title, ct);
        return Page();
    }

    /// <summary>The ideas most like the title on the board it is posted to; none while the title or the board is not one.</summary>
    private async Task<IReadOnlyList<SimilarIdea>> SimilarToAsync(string? title, CancellationToken ct)
    {
        var errors = new ValidationErrors();
        var board = (await Viewer.OfAsync(user)).BoardOf(Board, errors);
        return string.IsNullOrWhiteSpace(title) || !errors.IsEmpty
            ? [] : await queries.SimilarAsync(IdeaQueries.Readable(title), null, board, ct);
    }

    private async Task<IReadOnlyList<Product>> ProductsAsync(CancellationToken ct) =>
        await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
}
