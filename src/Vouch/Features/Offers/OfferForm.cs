namespace Vouch.Features.Offers;

/// <summary>The offer form as the browser posts it; it becomes an <see cref="OfferInput"/>, so the rules are the API's.</summary>
public sealed class OfferForm
{
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    public List<string> Gives { get; set; } = [];
    public DateOnly? OpensOn { get; set; }
    public DateOnly? ClosesOn { get; set; }
    public DateOnly? EventOn { get; set; }
    public int? Capacity { get; set; }
    public decimal? CreditHours { get; set; }
    public List<string> Segments { get; set; } = [];
    public List<string> Industries { get; set; } = [];
    public string? MinimumStage { get; set; }
    public Guid? Version { get; set; }

    public static OfferForm From(OfferResponse o) => new()
    {
        Title = o.Title, Kind = o.Kind, Description = o.Description, Gives = [.. o.Gives], OpensOn = o.OpensOn, ClosesOn = o.ClosesOn,
        EventOn = o.EventOn, Capacity = o.Capacity, CreditHours = o.CreditHours, Segments = [.. o.Segments], Industries = [.. o.Industries],
        MinimumStage = o.MinimumStage, Version = o.Version,
    };

    public OfferInput ToInput() => new(
        Title, Kind, Description, Gives, OpensOn, ClosesOn, EventOn, Capacity, CreditHours, Segments, Industries, MinimumStage, Version);
}

/// <summary>What the form partial shows: the form, the industries to choose from, and why the last save was refused.</summary>
public sealed record OfferFormView(OfferForm Form, IReadOnlyList<string> Industries, Refusal? Refusal)
{
    public IDictionary<string, string[]> Errors => Refusal?.Errors ?? new Dictionary<string, string[]>();
}
