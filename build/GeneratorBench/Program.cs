using System;
using CpaasGen.Bench;

// Bench modes (never a unit test: timings go to docs/generator-coverage.md):
//   first   <document>                    one generator run in this fresh process, JIT of the generator included
//   steady  <list-file> [runs]            per document, a fresh driver per run with the JIT warm: median of [runs]
//   compile <kiota|nswag> <folder>        compiles each <folder>/Dnnn/ of generated C# on its own and counts operations
return args.Length switch
{
    2 when args[0] == "first" => Speed.First(args[1]),
    >= 2 when args[0] == "steady" => Speed.Steady(args[1], args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5),
    3 when args[0] == "compile" => PeerCompile.Run(args[1], args[2]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: GeneratorBench first <document> | steady <list-file> [runs] | compile <kiota|nswag> <folder>");
    return 2;
}
