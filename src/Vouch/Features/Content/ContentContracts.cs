namespace Vouch.Features.Content;

/// <summary>
/// A content asset as scripts write it: kind and stage by name, products and industries by name or key, the account
/// and contact by id. New content is a draft; its approval changes through <c>POST /api/v1/content/{id}/state</c>.
/// </summary>
public sealed record ContentInput(
    string? Title,
    string? Kind,
    string? Summary,
    Guid? AccountId,
    Guid? ContactId,
    IReadOnlyList<string>? Products,
    IReadOnlyList<string>? Industries,
    string? Stage,
    int? UseLimit,
    string? Link,
    Guid? Version,
    string? FitsWhere = null,
    string? NotAFitFor = null);

/// <summary>A change of approval: the new state, and for approval the days the customer allows.</summary>
public sealed record ContentStateInput(string? State, DateOnly? ApprovedOn, DateOnly? ApprovedUntil, Guid? Version);

/// <summary>A stored file: what it is called, what its bytes are, and where to download it.</summary>
public sealed record ContentFileResponse(string Name, string ContentType, long Length, string Url);

/// <summary>An asset's file opened for download; whoever sends it disposes of <see cref="Content"/>.</summary>
public sealed record ContentFile(Stream Content, string Name, string ContentType);

public sealed record ContentSummary(
    Guid Id,
    string Title,
    string Kind,
    Guid AccountId,
    string Account,
    string? Stage,
    string State,
    DateOnly? ApprovedUntil,
    int? ExpiresInDays,
    int UseCount,
    int? UseLimit,
    bool HasFile,
    string? Link);

public sealed record ContentResponse(
    Guid Id,
    string Title,
    string Kind,
    string? Summary,
    Guid AccountId,
    string Account,
    Guid? ContactId,
    string? Contact,
    IReadOnlyList<string> Products,
    IReadOnlyList<string> Industries,
    string? Stage,
    string State,
    DateOnly? ApprovedOn,
    DateOnly? ApprovedUntil,
    int? ExpiresInDays,
    int UseCount,
    int? UseLimit,
    string? Link,
    ContentFileResponse? File,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt,
    Guid Version)
{
    /// <summary>Where the product fits, in the customer's story: the honest half a seller should know.</summary>
    public string? FitsWhere { get; init; }

    /// <summary>Where the product does not fit.</summary>
    public string? NotAFitFor { get; init; }
}

/// <summary>The use just recorded, and how many are left.</summary>
public sealed record ContentUseResponse(int UseCount, int? UseLimit, int? UsesLeft);

/// <summary>The filters of <c>GET /api/v1/content</c>, named after the fields they filter.</summary>
public sealed record ContentFilter
{
    /// <summary>CaseStudy, Video, Quote, Testimonial, Logo, Review or Slides.</summary>
    public string? Kind { get; init; }

    /// <summary>Product name or key.</summary>
    public string? Product { get; init; }

    /// <summary>Industry name or key.</summary>
    public string? Industry { get; init; }

    /// <summary>Awareness, Consideration or Decision.</summary>
    public string? Stage { get; init; }

    /// <summary>Draft, AwaitingCustomerApproval, Approved, Expired or Retired; only reference managers see other than Approved.</summary>
    public string? State { get; init; }

    /// <summary>The account's id.</summary>
    public Guid? Account { get; init; }

    /// <summary>Approved content whose approval ends within this many days (0 to 3650).</summary>
    public int? ExpiringWithinDays { get; init; }
}
