using Orleans.Render.Rendering.Engine;
using Xunit;

namespace Orleans.Render.Rendering.Tests.Engine;

public sealed class ProcessSlotsTests
{
    [Fact]
    public async Task An_urgent_waiter_gets_the_next_free_slot_before_earlier_normal_ones()
    {
        var slots = new ProcessSlots(1);
        await slots.WaitAsync(isUrgent: false, CancellationToken.None);
        var normal = slots.WaitAsync(isUrgent: false, CancellationToken.None);
        var urgent = slots.WaitAsync(isUrgent: true, CancellationToken.None);

        slots.Release();
        await urgent;
        Assert.False(normal.IsCompleted);

        slots.Release();
        await normal;
        Assert.Equal(1, slots.Running);
    }

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_queue_and_takes_no_slot()
    {
        var slots = new ProcessSlots(1);
        await slots.WaitAsync(isUrgent: false, CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var withdrawn = slots.WaitAsync(isUrgent: true, cancel.Token);
        var next = slots.WaitAsync(isUrgent: false, CancellationToken.None);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => withdrawn);
        slots.Release();
        await next;
        slots.Release();
        Assert.Equal(0, slots.Running);
    }
}
