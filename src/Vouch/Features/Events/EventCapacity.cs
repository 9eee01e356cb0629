namespace Vouch.Features.Events;

/// <summary>How many an event still holds; speakers take no seat, every registration does, checked in or not.</summary>
public static class EventCapacity
{
    /// <summary>Why one more cannot register, or null when a seat is left.</summary>
    public static Refusal? Register(string title, int capacity, int registered) =>
        registered < capacity ? null
        : Refusal.Conflict("The event is full.", $"{title} holds {capacity}; {registered} {(registered == 1 ? "is" : "are")} registered already. Raise the capacity or wait for a seat.");

    /// <summary>Why the capacity cannot be lowered to <paramref name="capacity"/>, or null.</summary>
    public static string? Lower(int capacity, int registered) =>
        capacity < registered ? $"capacity cannot be below the {registered} people registered already." : null;
}
