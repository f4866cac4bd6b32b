// Tests run the H5 flavour; the bundler would have written these in.
process.env.TARO_ENV = 'h5';
