using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;

namespace Vouch.Features.Programs;

/// <summary>
/// The months the program's figures cover: <c>from</c> to <c>to</c>, both included, as yyyy-MM; the last twelve
/// months up to this one when not given.
/// </summary>
public sealed record ProgramPeriod
{
    public const int MaxMonths = 36;
    public const int DefaultMonths = 12;

    /// <summary>First month of the period (yyyy-MM).</summary>
    [FromQuery(Name = "from")]
    public string? From { get; init; }

    /// <summary>Last month of the period (yyyy-MM), included.</summary>
    [FromQuery(Name = "to")]
    public string? To { get; init; }

    /// <summary>The months, or the reasons the period is not one, field by field.</summary>
    public MonthRange? Resolve(DateOnly today, ValidationErrors errors)
    {
        var to = ParseMonth("to", To, errors) ?? new DateOnly(today.Year, today.Month, 1);
        var from = ParseMonth("from", From, errors) ?? to.AddMonths(1 - DefaultMonths);
        if (!errors.IsEmpty)
        {
            return null;
        }
        if (from > to)
        {
            errors.Add("from", "from must be the same month as to or before it.");
            return null;
        }
        var count = (to.Year - from.Year) * 12 + to.Month - from.Month + 1;
        if (count > MaxMonths)
        {
            errors.Add("to", $"The period can be at most {MaxMonths} months.");
            return null;
        }
        return new MonthRange(from, count);
    }

    /// <summary>A month as yyyy-MM ("2026-11"), or null with the reason when it is not one.</summary>
    public static DateOnly? ParseMonth(string field, string? text, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) && month.Year >= 2000)
        {
            return month;
        }
        errors.Add(field, $"{field} must be a month as yyyy-MM (2026-11); '{text}' is not.");
        return null;
    }
}

/// <summary>Whole calendar months from <see cref="First"/>: the buckets every monthly figure is counted in.</summary>
public sealed record MonthRange(DateOnly First, int Count)
{
    /// <summary>The first day after the last month.</summary>
    public DateOnly End => First.AddMonths(Count);

    public DateOnly Last => First.AddMonths(Count - 1);

    public DateTimeOffset StartsAt => AtStartOf(First);

    public DateTimeOffset EndsAt => AtStartOf(End);

    public IReadOnlyList<DateOnly> Months => [.. Enumerable.Range(0, Count).Select(First.AddMonths)];

    public IReadOnlyList<string> Labels => [.. Months.Select(Label)];

    public static string Label(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateTimeOffset AtStartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The index of the month a day falls in (0 for the first), or -1 outside the range.</summary>
    public int IndexOf(DateOnly day) =>
        day < First || day >= End ? -1 : (day.Year - First.Year) * 12 + day.Month - First.Month;

    /// <summary>
    /// The month index of <paramref name="day"/> as an expression the database evaluates (a CASE of comparisons), so
    /// rows are grouped by month where they are, on both providers, whatever the column's storage; rows must already be
    /// filtered to the range.
    /// </summary>
    public Expression<Func<T, int>> IndexOf<T>(Expression<Func<T, DateOnly>> day) =>
        Buckets(day, [.. Months.Skip(1)]);

    /// <inheritdoc cref="IndexOf{T}(Expression{Func{T, DateOnly}})"/>
    public Expression<Func<T, int>> IndexOf<T>(Expression<Func<T, DateTimeOffset>> at) =>
        Buckets(at, [.. Months.Skip(1).Select(AtStartOf)]);

    private static Expression<Func<T, int>> Buckets<T, TDay>(Expression<Func<T, TDay>> day, IReadOnlyList<TDay> boundaries)
    {
        Expression body = Expression.Constant(boundaries.Count);
        for (var i = boundaries.Count - 1; i >= 0; i--)
        {
            body = Expression.Condition(Expression.LessThan(day.Body, Expression.Constant(boundaries[i], typeof(TDay))), Expression.Constant(i), body);
        }
        return Expression.Lambda<Func<T, int>>(body, day.Parameters);
    }
}
