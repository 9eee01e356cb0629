using Microsoft.AspNetCore.Mvc;

namespace Vouch.Web;

/// <summary>A page of a list endpoint's results, with the total across all pages.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>The query parameters every list endpoint takes.</summary>
public sealed record PageQuery
{
    public const int MaxPageSize = 200;
    public const int DefaultPageSize = 50;
    public const int MaxQueryLength = 200;

    /// <summary>1-based page number.</summary>
    [FromQuery(Name = "page")]
    public int? Page { get; init; }

    /// <summary>Items per page, 1 to 200; 50 when not given.</summary>
    [FromQuery(Name = "pageSize")]
    public int? PageSize { get; init; }

    /// <summary>Free text to search for.</summary>
    [FromQuery(Name = "q")]
    public string? Q { get; init; }

    public int PageNumber => Page ?? 1;
    public int Size => PageSize ?? DefaultPageSize;
    public int Skip => (PageNumber - 1) * Size;

    public void Validate(ValidationErrors errors)
    {
        if (PageNumber < 1)
        {
            errors.Add("page", "page must be 1 or more.");
        }
        if (Size is < 1 or > MaxPageSize)
        {
            errors.Add("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }
        if (Q?.Length > MaxQueryLength)
        {
            errors.Add("q", $"q must be at most {MaxQueryLength} characters.");
        }
    }
}
