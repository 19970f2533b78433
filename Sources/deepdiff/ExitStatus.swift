/// deepdiff's exit-code contract, like diff(1): 0 the same, 1 differences found, 2 error.
enum ExitStatus: Int32 {
    case same = 0
    case different = 1
    case error = 2
}
