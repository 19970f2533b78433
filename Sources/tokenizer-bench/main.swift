print("tokenizer-bench: not yet built")
