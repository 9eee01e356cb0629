using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Vouch.Auth;
using Vouch.Data;
using Vouch.Features.Catalog;
using Vouch.Resources;
using Vouch.Web;

namespace Vouch.Features.Ideas;

[Authorize(Policy = IdeasModule.PostIdeas)]
public sealed class IndexModel(IdeaQueries queries, VouchDbContext db, CurrentUser user) : PageModel
{
    public PageQuery Query { get; private set; } = new();
    public IdeaFilter Filter { get; private set; } = new();
    public Viewer Viewer { get; private set; } = null!;
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public IReadOnlyList<Industry> Industries { get; private set; } = [];
    public Paged<IdeaSummary>? Results { get; private set; }
    public ValidationErrors? Errors { get; private set; }

    /// <summary>A status as <see cref="IdeaStatuses.Label"/> says it in English, in the reader's language.</summary>
    public static string StatusLabel(IdeaStatus status, IStringLocalizer<Strings> text) => status switch
    {
        IdeaStatus.New => text["New"],
        IdeaStatus.UnderReview => text["Under review"],
        IdeaStatus.Planned => text["Planned"],
        IdeaStatus.InProgress => text["In progress"],
        IdeaStatus.Delivered => text["Delivered"],
        IdeaStatus.Declined => text["declined"].Capitalised(),
        _ => text["Duplicate"],
    };

    public string Sort => !string.IsNullOrWhiteSpace(Filter.Sort) ? Filter.Sort.ToLowerInvariant() : Searching ? "match" : "hot";

    /// <summary>Whether the board lists a search's matches, which may be in best-match order.</summary>
    public bool Searching => !string.IsNullOrWhiteSpace(Query.Q);

    public bool OnEmployeeBoard => string.Equals(Filter.Board, nameof(IdeaBoard.Employee), StringComparison.OrdinalIgnoreCase);

    // From the query string only: Razor Pages keeps its own "page" route value.
    public async Task OnGetAsync([FromQuery] PageQuery query, [FromQuery] IdeaFilter filter, CancellationToken ct)
    {
        (Query, Filter, Viewer) = (query, filter, await Viewer.OfAsync(user));
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Name).ToListAsync(ct);
        Industries = await db.Industries.AsNoTracking().OrderBy(i => i.Name).ToListAsync(ct);
        var (board, errors) = await queries.ResolveAsync(Viewer, filter, query.Q, ct);
        Query.Validate(errors);
        if (errors.IsEmpty)
        {
            Results = await queries.SearchAsync(Viewer, Query with { PageSize = 25 }, board!, ct);
        }
        else
        {
            Errors = errors;
        }
    }

    /// <summary>The board's address with one parameter changed (a sort tab), keeping the filters and starting at page one.</summary>
    public string LinkWith(string key, string value)
    {
        var query = Request.Query.Where(q => q.Key != "page").ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[key] = value;
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/ideas", query);
    }
}
