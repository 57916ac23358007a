using Xunit;

// The clusters render with ffmpeg on a 2-core machine and one test stops silos: run the classes one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
