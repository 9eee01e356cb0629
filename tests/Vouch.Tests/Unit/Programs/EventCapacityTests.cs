using Vouch.Commands;
using Vouch.Features.Events;

namespace Vouch.Tests.Unit.Programs;

public sealed class EventCapacityTests
{
    [Fact]
    public void A_seat_left_lets_one_more_register()
    {
        Assert.Null(EventCapacity.Register("Spring mixer", 2, 0));
        Assert.Null(EventCapacity.Register("Spring mixer", 2, 1));
    }

    [Fact]
    public void A_full_event_refuses_with_its_numbers()
    {
        var refusal = EventCapacity.Register("Spring mixer", 2, 2);

        Assert.Equal(RefusalKind.Conflict, refusal!.Kind);
        Assert.Equal("The event is full.", refusal.Title);
        Assert.Equal("Spring mixer holds 2; 2 are registered already. Raise the capacity or wait for a seat.", refusal.Detail);
        Assert.Equal("Spring mixer holds 1; 1 is registered already. Raise the capacity or wait for a seat.", EventCapacity.Register("Spring mixer", 1, 1)!.Detail);
    }

    [Fact]
    public void The_capacity_cannot_fall_below_those_registered()
    {
        Assert.Null(EventCapacity.Lower(3, 3));
        Assert.Equal("capacity cannot be below the 3 people registered already.", EventCapacity.Lower(2, 3));
    }
}
