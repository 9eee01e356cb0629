namespace Vouch.Features.Events;

/// <summary>How events are reported, from the <c>Events</c> section of the configuration (decision 22).</summary>
public sealed class EventOptions
{
    public const int DefaultConversionWindowDays = 180;

    /// <summary>How long after an event a prospect who attended it and became a customer counts as converted by it.</summary>
    public int ConversionWindowDays { get; set; } = DefaultConversionWindowDays;

    /// <summary>How far ahead an upcoming event is offered as an alternative to a one-to-one call.</summary>
    public int AlternativeWithinDays { get; set; } = 90;
}
