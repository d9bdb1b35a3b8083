// M/M/c as a minimal hand-written Swift loop over GSL's generator: the floor that any
// general simulator is measured against, and the issue's own reference point.
//
// FIFO with c servers needs no event list: customer i starts at the later of their arrival
// and the earliest time a server falls free, so a binary min-heap of the servers' free times
// is the whole state. Each customer is two draws from a GSL mt19937 stream
// (gsl_ran_exponential for the gap and the service time) and one heap update. Nothing
// else a care market needs (zones, providers, packages, periods, accounting, results)
// is done, which is why it is a floor and not a peer.
//
// Built and run by compare.sh:
//   swiftc -O -I Sources/CGSL Benchmarks/peers/floor_mmc.swift -o floor_mmc
//   ./floor_mmc [--customers 1000000] [--seed 7] [--generator mt19937]
//
// --generator names any of GSL's generators (gsl_rng_types_setup); mt19937, the engine's, is
// the default. compare.sh also runs the loop on each of GSL's simulation-quality generators, to
// show what the bare queue costs with the fastest generator GSL has.
//
// Prints one JSON line with the fields of mmc_common.emit. "seconds" is the loop alone.

import CGSL
import Foundation

let arrivalRate = 10.0, meanService = 20.0, servers = 220
let warmUpCustomers = 2_000, batches = 100   // as mmc_common.py

var customers = 1_000_000
var seed = 7
var generator = "mt19937"
var arguments = CommandLine.arguments.dropFirst()
func fail(_ message: String) -> Never {
    FileHandle.standardError.write("floor_mmc: \(message)\n".data(using: .utf8)!)
    exit(64)
}
while let argument = arguments.popFirst() {
    guard ["--customers", "--seed", "--generator"].contains(argument) else { fail("unknown argument \(argument)") }
    guard let value = arguments.popFirst() else { fail("\(argument) needs a value") }
    if argument == "--generator" {
        generator = value
        continue
    }
    guard let number = Int(value), number > 0 else { fail("\(argument) needs a positive whole number, not \(value)") }
    if argument == "--customers" { customers = max(number, batches) } else { seed = number }
}

let total = warmUpCustomers + customers

/// The generator type GSL calls `name`, from its null-terminated table of all types.
func generatorType(named name: String) -> UnsafePointer<gsl_rng_type>? {
    var entry = gsl_rng_types_setup()!
    while let type = entry.pointee {
        if String(cString: type.pointee.name) == name { return type }
        entry += 1
    }
    return nil
}
guard let type = generatorType(named: generator) else { fail("GSL has no generator called \(generator)") }
let rng = gsl_rng_alloc(type)!
gsl_rng_set(rng, UInt(seed))
var arrivals = [Double](repeating: 0, count: total)
var starts = [Double](repeating: 0, count: total)
var free = [Double](repeating: 0, count: servers)   // a min-heap of the servers' free times

let began = DispatchTime.now().uptimeNanoseconds
free.withUnsafeMutableBufferPointer { heap in
    var t = 0.0
    for i in 0..<total {
        t += gsl_ran_exponential(rng, 1 / arrivalRate)
        let start = max(t, heap[0])
        arrivals[i] = t
        starts[i] = start
        // Replace the root (the server this customer takes) and sift it down.
        let done = start + gsl_ran_exponential(rng, meanService)
        var k = 0
        while true {
            let left = 2 * k + 1
            if left >= servers { break }
            let right = left + 1
            let child = right < servers && heap[right] < heap[left] ? right : left
            if heap[child] >= done { break }
            heap[k] = heap[child]
            k = child
        }
        heap[k] = done
    }
}
let seconds = Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9

// The statistics of mmc_common.summarise: Wq, its batch-means standard error, and Lq as the
// time average of the number waiting between the first and last counted arrivals.
let waits = (warmUpCustomers..<total).map { starts[$0] - arrivals[$0] }
let meanWait = waits.reduce(0, +) / Double(customers)
let size = customers / batches
let means = (0..<batches).map { b in waits[b * size..<(b + 1) * size].reduce(0, +) / Double(size) }
let grand = means.reduce(0, +) / Double(batches)
let sd = (means.map { ($0 - grand) * ($0 - grand) }.reduce(0, +) / Double(batches - 1)).squareRoot()
let t0 = arrivals[warmUpCustomers], t1 = arrivals[total - 1]
var area = 0.0
for i in 0..<total where arrivals[i] < t1 {
    let end = min(starts[i], t1), begin = max(arrivals[i], t0)
    if end > begin { area += end - begin }
}

let line: [String: Any] = [
    "simulator": "floor (minimal Swift loop over GSL)",
    "customers": customers,
    "seconds": (seconds * 1e4).rounded() / 1e4,
    "customers_per_second": (Double(customers) / seconds * 10).rounded() / 10,
    "mean_wait": meanWait,
    "mean_queue": area / (t1 - t0),
    "mean_wait_se": sd / Double(batches).squareRoot(),
    "version": "GSL " + String(cString: gsl_version),
    "generator": generator,
    "seed": seed,
    "simulated_customers": total,
]
let json = try! JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
print(String(decoding: json, as: UTF8.self))
gsl_rng_free(rng)
