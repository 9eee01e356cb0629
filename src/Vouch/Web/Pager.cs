using Microsoft.AspNetCore.WebUtilities;

namespace Vouch.Web;

/// <summary>
/// Previous/next links for a paged list page, keeping the current query. A page with two lists names the second one's
/// page by a <paramref name="Parameter"/> of its own.
/// </summary>
public sealed record Pager(int Page, int PageSize, int Total, IQueryCollection Query, string Parameter = "page")
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    public string LinkTo(int page)
    {
        var query = Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query[Parameter] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", query);
    }
}
