using Orleans.Render.Rendering.Engine;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

public sealed class ProcessSlotsTests
{
    [Fact]
    public async Task An_urgent_waiter_gets_the_next_free_slot_before_earlier_normal_ones()
    {
        var slots = new ProcessSlots(1);
        var first = await slots.AcquireAsync(isUrgent: false, CancellationToken.None);
        var normal = slots.AcquireAsync(isUrgent: false, CancellationToken.None);
        var urgent = slots.AcquireAsync(isUrgent: true, CancellationToken.None);

        first.Dispose();
        var urgentSlot = await urgent;
        Assert.False(normal.IsCompleted);

        urgentSlot.Dispose();
        (await normal).Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task Nothing_else_starts_while_urgent_work_runs_even_with_slots_free()
    {
        var slots = new ProcessSlots(2);
        var urgent = await slots.AcquireAsync(isUrgent: true, CancellationToken.None);

        var normal = slots.AcquireAsync(isUrgent: false, CancellationToken.None);
        var secondUrgent = await slots.AcquireAsync(isUrgent: true, CancellationToken.None);
        Assert.False(normal.IsCompleted);

        urgent.Dispose();
        Assert.False(normal.IsCompleted);
        secondUrgent.Dispose();
        (await normal).Dispose();
        Assert.Equal(0, slots.Running);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
    {
        var slots = new ProcessSlots(1);
        var held = await slots.AcquireAsync(isUrgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var withdrawn = slots.AcquireAsync(isUrgent: true, cancel.Token);
        var next = slots.AcquireAsync(isUrgent: false, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        held.Dispose();
        (await next).Dispose();
        Assert.Equal(0, slots.Running);
    }
}
