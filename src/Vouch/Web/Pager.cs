using Microsoft.AspNetCore.WebUtilities;

namespace Vouch.Web;

/// <summary>Previous/next links for a paged list page, keeping the current query.</summary>
public sealed record Pager(int Page, int PageSize, int Total, IQueryCollection Query)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;

    public string LinkTo(int page)
    {
        var query = Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        query["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", query);
    }
}
